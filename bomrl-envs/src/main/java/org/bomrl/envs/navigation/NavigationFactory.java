package org.bomrl.envs.navigation;

import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.Fingerprint;
import org.bomrl.api.env.SampledTaskDistribution;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import org.bomrl.envs.SettingChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.bomrl.envs.SettingChecks.invalid;

/**
 * {@code env.navigation-2d}: the MAML paper's 2-D point navigation (arXiv 1703.03400, the task
 * family of the baselines of spec §7.3; {@link NavigationRules}).
 * Training goals are drawn uniformly from {@code goal_range}² (g ∼ U[−0.5, 0.5]² by default);
 * meta-testing uses a fixed grid of {@code test_grid}² goals at the centres of the cells of an
 * even partition of {@code goal_range}² (3×3 by default), or the goals listed in
 * {@code test_goals}. Each task knows its optimum ({@link org.bomrl.api.env.KnownOptimum}), the
 * reference of the all-task optimum comparator (spec §1.3).
 * A training goal's id {@code goal=(x,y)} rebuilds the task when the goal lies in the range.
 */
public final class NavigationFactory
        implements EnvironmentFactory
{
    /** Factory name. */
    public static final String NAME = "env.navigation-2d";
    /** Bumped when the reward or the dynamics change. */
    static final String REWARD_VERSION = "navigation-2d/v1";
    static final int MAX_HORIZON = 1_000_000;
    static final int MAX_GRID = 100;

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "2-D point navigation to a goal (MAML): velocity actions clipped to [-v, v]^2, reward -||p - g||, exact per-task optimum";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(
                SettingSpec.of("horizon", SettingType.INTEGER, "100", "steps per episode H (truncation), 1 to " + MAX_HORIZON),
                SettingSpec.of("gamma", SettingType.DOUBLE, "0.99", "discount γ in [0, 1] of returns and of the known optimum"),
                SettingSpec.of("max_speed", SettingType.DOUBLE, "0.1", "v > 0: each velocity coordinate is clipped to [-v, v]"),
                SettingSpec.of("goal_range", SettingType.LIST, "-0.5,0.5", "low,high: training goals are drawn uniformly from [low, high]^2"),
                SettingSpec.of("test_grid", SettingType.INTEGER, "3", "k: the k×k meta-test goals at the cell centres of [low, high]^2, 1 to " + MAX_GRID),
                SettingSpec.of("test_goals", SettingType.LIST, "", "explicit meta-test goals x1,y1,x2,y2,... instead of the grid (empty: use test_grid)"),
                SettingSpec.of("terminate_within", SettingType.DOUBLE, "0", "d ≥ 0: terminate once ||p - g|| ≤ d; 0 never terminates"));
    }

    @Override
    public TaskDistribution<double[], double[]> create(Settings settings, RunContext context)
    {
        int horizon = SettingChecks.intIn(settings, "horizon", 1, MAX_HORIZON);
        double gamma = SettingChecks.doubleIn(settings, "gamma", 0, 1);
        double maxSpeed = SettingChecks.positive(settings, "max_speed");
        double[] range = SettingChecks.range(settings, "goal_range");
        double terminateWithin = SettingChecks.doubleIn(settings, "terminate_within", 0, Double.POSITIVE_INFINITY);
        List<double[]> testGoals = testGoals(settings, range);
        NavigationFamily family = new NavigationFamily(range[0], range[1], maxSpeed, horizon, gamma, terminateWithin);
        List<Task<double[], double[]>> tests = new ArrayList<>();
        StringBuilder testIds = new StringBuilder();
        for (double[] goal : testGoals) {
            NavigationTask task = family.task(goal[0], goal[1]);
            tests.add(task);
            testIds.append(task.id()).append(';');
        }
        String fingerprint = Fingerprint.of(NAME, REWARD_VERSION, "horizon=" + horizon, "gamma=" + gamma, "max_speed=" + maxSpeed,
                "goal_range=" + range[0] + "," + range[1], "terminate_within=" + terminateWithin, "test=" + testIds);
        return new SampledTaskDistribution<>(family::sample, family::byId, tests, fingerprint);
    }

    private static List<double[]> testGoals(Settings settings, double[] range)
    {
        List<double[]> goals = new ArrayList<>();
        if (settings.raw("test_goals").isDefined() && !settings.getList("test_goals").isEmpty()) {
            if (settings.raw("test_grid").isDefined()) {
                throw new InvalidSettingException(settings.scope() + ".test_grid = '" + settings.raw("test_grid").get() + "' (" + settings.source("test_grid")
                        + ") is not used: test_goals lists the meta-test goals");
            }
            double[] values = settings.getDoubles("test_goals");
            if (values.length % 2 != 0) {
                throw invalid(settings, "test_goals", String.join(",", settings.getList("test_goals")), "expected pairs x,y of goal coordinates, got "
                        + values.length + " numbers");
            }
            for (int i = 0; i < values.length; i += 2) {
                if (!Double.isFinite(values[i]) || !Double.isFinite(values[i + 1])) {
                    throw invalid(settings, "test_goals", String.join(",", settings.getList("test_goals")), "goal coordinates must be finite");
                }
                for (double[] goal : goals) {
                    if (goal[0] == values[i] && goal[1] == values[i + 1]) {
                        throw invalid(settings, "test_goals", String.join(",", settings.getList("test_goals")),
                                "goal (" + values[i] + ", " + values[i + 1] + ") is listed twice");
                    }
                }
                goals.add(new double[] {values[i], values[i + 1]});
            }
            return goals;
        }
        int k = SettingChecks.intIn(settings, "test_grid", 1, MAX_GRID);
        double width = (range[1] - range[0]) / k;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                goals.add(new double[] {range[0] + (i + 0.5) * width, range[0] + (j + 0.5) * width});
            }
        }
        return goals;
    }

    /** What every task of one distribution shares; makes tasks from goals. */
    private record NavigationFamily(double low, double high, double maxSpeed, int horizon, double gamma, double terminateWithin)
    {
        NavigationTask task(double x, double y)
        {
            return new NavigationTask(new NavigationRules(x, y, maxSpeed, horizon, gamma, terminateWithin));
        }

        /** g ∼ U[low, high)², x first. */
        NavigationTask sample(SplittableRandom random)
        {
            double x = low + (high - low) * random.nextDouble();
            double y = low + (high - low) * random.nextDouble();
            return task(x, y);
        }

        NavigationTask byId(String id)
        {
            double[] goal = NavigationTask.parseGoal(id);
            for (double coordinate : goal) {
                if (!(coordinate >= low && coordinate <= high)) {
                    throw new IllegalArgumentException("task '" + id + "' has a goal outside the training range [" + low + ", " + high + "]² and is not a test task");
                }
            }
            return task(goal[0], goal[1]);
        }
    }
}
