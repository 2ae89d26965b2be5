package org.bomrl.envs.lq;

import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.Fingerprint;
import org.bomrl.api.env.SampledTaskDistribution;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import org.bomrl.envs.SettingChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code env.linear-quadratic}: linear-quadratic tasks with task-dependent dynamics
 * A_τ = A_0 + a_τ·I, B_τ = b_τ·B_0 ({@link LinearQuadraticFamily}), a_τ ∼ U(a_range) and
 * b_τ ∼ U(b_range) for training, and the {@code test_grid}² meta-test tasks at the cell centres of
 * an even partition of a_range × b_range. Every task exposes its exact
 * {@link org.bomrl.api.env.LinearQuadraticModel}, from which the optimum (the all-task optimum of
 * spec §1.3) and the exact return of linear-Gaussian policies (spec §5b's Gaussian policy without
 * hidden layers) follow: DESIGN's exact mode for linear-quadratic systems. A training task's id {@code a=<a>,b=<b>} rebuilds it when the
 * parameters lie in the ranges.
 */
public final class LinearQuadraticFactory
        implements EnvironmentFactory
{
    /** Factory name. */
    public static final String NAME = "env.linear-quadratic";
    /** Bumped when the reward or the dynamics change. */
    static final String REWARD_VERSION = "linear-quadratic/v1";
    static final int MAX_DIMENSION = 16;
    static final int MAX_HORIZON = 100_000;
    static final int MAX_GRID = 100;

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "linear-quadratic control x' = A_τx + B_τu + w, reward -(x'Qx + u'Ru), task-dependent A_τ = A0 + aI, B_τ = b B0; exact model";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(
                SettingSpec.of("state_dim", SettingType.INTEGER, "2", "n, the state dimension, 1 to " + MAX_DIMENSION),
                SettingSpec.of("action_dim", SettingType.INTEGER, "1", "m, the action dimension, 1 to state_dim (the last m state coordinates are actuated)"),
                SettingSpec.of("dt", SettingType.DOUBLE, "0.1", "Δt > 0 of the integrator chain A0 = I + Δt·J, B0 = Δt·[0; I]"),
                SettingSpec.of("a_range", SettingType.LIST, "-0.1,0.1", "low,high of a_τ ∼ U: A_τ = A0 + a_τ·I"),
                SettingSpec.of("b_range", SettingType.LIST, "0.5,1.5", "low,high of b_τ ∼ U: B_τ = b_τ·B0"),
                SettingSpec.of("state_cost", SettingType.DOUBLE, "1", "q ≥ 0: Q = q·I"),
                SettingSpec.of("action_cost", SettingType.DOUBLE, "0.1", "ρ > 0: R = ρ·I"),
                SettingSpec.of("noise_std", SettingType.DOUBLE, "0.05", "σ_w ≥ 0: w ∼ N(0, σ_w²·I)"),
                SettingSpec.of("initial_mean", SettingType.DOUBLE, "1", "μ0: every coordinate of m0"),
                SettingSpec.of("initial_std", SettingType.DOUBLE, "0.1", "σ0 ≥ 0: x0 ∼ N(m0, σ0²·I)"),
                SettingSpec.of("horizon", SettingType.INTEGER, "50", "steps per episode H (truncation), 1 to " + MAX_HORIZON),
                SettingSpec.of("gamma", SettingType.DOUBLE, "0.99", "discount γ in [0, 1]"),
                SettingSpec.of("test_grid", SettingType.INTEGER, "3", "k: the k×k meta-test tasks at the cell centres of a_range × b_range, 1 to " + MAX_GRID));
    }

    @Override
    public TaskDistribution<double[], double[]> create(Settings settings, RunContext context)
    {
        int n = SettingChecks.intIn(settings, "state_dim", 1, MAX_DIMENSION);
        int m = SettingChecks.intIn(settings, "action_dim", 1, n);
        double dt = SettingChecks.positive(settings, "dt");
        double[] aRange = SettingChecks.range(settings, "a_range");
        double[] bRange = SettingChecks.range(settings, "b_range");
        double stateCost = SettingChecks.doubleIn(settings, "state_cost", 0, Double.POSITIVE_INFINITY);
        double actionCost = SettingChecks.positive(settings, "action_cost");
        double noiseStd = SettingChecks.doubleIn(settings, "noise_std", 0, Double.POSITIVE_INFINITY);
        double initialMean = settings.getDouble("initial_mean");
        double initialStd = SettingChecks.doubleIn(settings, "initial_std", 0, Double.POSITIVE_INFINITY);
        int horizon = SettingChecks.intIn(settings, "horizon", 1, MAX_HORIZON);
        double gamma = SettingChecks.doubleIn(settings, "gamma", 0, 1);
        int grid = SettingChecks.intIn(settings, "test_grid", 1, MAX_GRID);
        LinearQuadraticFamily family = new LinearQuadraticFamily(n, m, dt, stateCost, actionCost, noiseStd, initialMean, initialStd, gamma, horizon);
        Ranges ranges = new Ranges(family, aRange[0], aRange[1], bRange[0], bRange[1]);
        List<Task<double[], double[]>> tests = new ArrayList<>();
        double aWidth = (aRange[1] - aRange[0]) / grid;
        double bWidth = (bRange[1] - bRange[0]) / grid;
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                tests.add(new LinearQuadraticTask(family, aRange[0] + (i + 0.5) * aWidth, bRange[0] + (j + 0.5) * bWidth));
            }
        }
        String fingerprint = Fingerprint.of(NAME, REWARD_VERSION, family, "a_range=" + aRange[0] + "," + aRange[1], "b_range=" + bRange[0] + "," + bRange[1],
                "test_grid=" + grid);
        return new SampledTaskDistribution<>(ranges::sample, ranges::byId, tests, fingerprint);
    }

    /** The training ranges of (a, b); draws and rebuilds tasks. */
    private record Ranges(LinearQuadraticFamily family, double aLow, double aHigh, double bLow, double bHigh)
    {
        /** a ∼ U[aLow, aHigh), then b ∼ U[bLow, bHigh). */
        LinearQuadraticTask sample(SplittableRandom random)
        {
            double a = aLow + (aHigh - aLow) * random.nextDouble();
            double b = bLow + (bHigh - bLow) * random.nextDouble();
            return new LinearQuadraticTask(family, a, b);
        }

        LinearQuadraticTask byId(String id)
        {
            double[] parameters = LinearQuadraticTask.parseParameters(id);
            if (!(parameters[0] >= aLow && parameters[0] <= aHigh && parameters[1] >= bLow && parameters[1] <= bHigh)) {
                throw new IllegalArgumentException("task '" + id + "' lies outside the training ranges a ∈ [" + aLow + ", " + aHigh + "], b ∈ [" + bLow + ", "
                        + bHigh + "] and is not a test task");
            }
            return new LinearQuadraticTask(family, parameters[0], parameters[1]);
        }
    }
}
