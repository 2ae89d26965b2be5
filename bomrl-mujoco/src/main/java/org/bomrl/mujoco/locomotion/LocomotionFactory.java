package org.bomrl.mujoco.locomotion;

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
import org.bomrl.mujoco.bridge.NativeLibrary;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code env.mujoco.<family>}: a locomotion task family (spec §5b) in one of its named variants.
 * Settings: {@code variant} ({@link Variants}), {@code actions} ({@code unbounded}: R^nu, MuJoCo clamps
 * ctrl to [−1, 1] and the control cost uses the raw action, as Gym v4 under BO-MRL's code;
 * {@code bounded}: [−1, 1]^nu, actions outside are rejected), {@code test-tasks}
 * ({@code meta-test}: the meta-test grid; {@code evaluation}: the per-iteration evaluation goals),
 * {@code horizon} (the environment's time limit in control steps; 0 keeps the variant's own). A
 * sampler that bootstraps each episode's tail with a continuation rollout (spec §5b: 200 steps plus
 * a 200-step continuation) needs a time limit of at least the sum, e.g. 400; with the variant's 200
 * the continuation would end at once.
 * Creating it needs the MuJoCo library and fails with installation advice without it.
 */
final class LocomotionFactory
        implements EnvironmentFactory
{
    static final String PREFIX = "env.mujoco.";
    /** Bumped whenever a reward, observation or model changes, so fingerprints change with it. */
    static final String REWARD_VERSION = "locomotion-v1";

    private final String family;

    LocomotionFactory(String family)
    {
        this.family = requireNonNull(family, "family is null");
        Variants.of(family);
    }

    @Override
    public String name()
    {
        return PREFIX + family;
    }

    @Override
    public String description()
    {
        LocomotionVariant standard = Variants.of(family).get(0);
        String goal = standard.objective() == Objective.VELOCITY ? "goal velocity v* ~ U[" + standard.goalLow() + ", " + standard.goalHigh() + "]"
                : "goal direction d = ±1";
        return "MuJoCo " + (standard.robot() == Robot.ANT ? "Ant" : "Half-Cheetah") + ", " + goal + ", horizon " + standard.horizon()
                + " (spec §5b); variants " + variantNames() + "; needs libmujoco-dev";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(
                SettingSpec.choice("variant", "bomrl", "task definition: ranges, horizon, reward coefficients, termination, observations",
                        variantNames().toArray(String[]::new)),
                SettingSpec.choice("actions", "unbounded", "unbounded: R^nu, ctrl clamped to [-1, 1] by MuJoCo, cost on the raw action (Gym v4); "
                        + "bounded: [-1, 1]^nu, outside rejected", "unbounded", "bounded"),
                SettingSpec.choice("test-tasks", "meta-test", "meta-test: the meta-test grid; evaluation: the per-iteration evaluation goals",
                        "meta-test", "evaluation"),
                SettingSpec.of("horizon", SettingType.INTEGER, "0", "time limit of an episode in control steps (0: the variant's own, "
                        + "200 or ProMP's 100); at least sampling.horizon + sampling.bootstrap_steps for the bootstrap continuation to run"));
    }

    @Override
    public TaskDistribution<double[], double[]> create(Settings settings, RunContext context)
    {
        requireNonNull(settings, "settings is null");
        NativeLibrary.require();
        LocomotionVariant variant;
        try {
            variant = Variants.of(family, settings.getString("variant"));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidSettingException(settings.scope() + ".variant: " + e.getMessage());
        }
        int horizon = settings.getInt("horizon");
        if (horizon < 0) {
            throw new InvalidSettingException(settings.scope() + ".horizon = " + horizon + " is invalid: must be ≥ 1, or 0 for the variant's own ("
                    + variant.horizon() + ")");
        }
        if (horizon > 0) {
            variant = variant.withHorizon(horizon);
        }
        boolean bounded = settings.getString("actions").equals("bounded");
        boolean evaluation = settings.getString("test-tasks").equals("evaluation");
        return distribution(variant, bounded, evaluation);
    }

    /** The distribution of a variant with the given action bounds and test tasks. */
    static TaskDistribution<double[], double[]> distribution(LocomotionVariant variant, boolean bounded, boolean evaluation)
    {
        String fingerprint = Fingerprint.of(PREFIX + variant.family(), variant, bounded ? "bounded" : "unbounded", evaluation ? "evaluation" : "meta-test",
                variant.robot().xml(), REWARD_VERSION);
        List<Task<double[], double[]>> tests = (evaluation ? variant.evaluationGoals() : variant.metaTestGoals()).stream()
                .<Task<double[], double[]>>map(goal -> new LocomotionTask(variant, goal, bounded))
                .toList();
        if (variant.objective() == Objective.DIRECTION) {
            List<Task<double[], double[]>> train = List.of(new LocomotionTask(variant, -1.0, bounded), new LocomotionTask(variant, 1.0, bounded));
            return new DirectionTaskDistribution(train, tests, variant.directions(), fingerprint);
        }
        double low = variant.goalLow();
        double width = variant.goalHigh() - variant.goalLow();
        return new SampledTaskDistribution<>(random -> new LocomotionTask(variant, low + width * random.nextDouble(), bounded),
                id -> byId(variant, bounded, id), tests, fingerprint);
    }

    /** Rebuilds a velocity task from {@code v=<Double.toString(v*)>}. */
    private static Task<double[], double[]> byId(LocomotionVariant variant, boolean bounded, String id)
    {
        String prefix = variant.objective().idPrefix();
        if (id.startsWith(prefix)) {
            String text = id.substring(prefix.length());
            try {
                double goal = Double.parseDouble(text);
                if (Double.toString(goal).equals(text) && variant.accepts(goal)) {
                    return new LocomotionTask(variant, goal, bounded);
                }
            }
            catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("no task '" + id + "' in " + PREFIX + variant.family() + " (variant " + variant.name() + "): ids are " + prefix
                + "<Double.toString(v*)> with v* in [" + variant.goalLow() + ", " + variant.goalHigh() + "]");
    }

    private List<String> variantNames()
    {
        return Variants.of(family).stream().map(LocomotionVariant::name).toList();
    }
}
