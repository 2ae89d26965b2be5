package org.bomrl.mujoco.locomotion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The named variants of the four families (spec §5b, {@code mujoco-tasks.md}). {@code bomrl} is
 * BO-MRL's own setting (Gym v4 Half-Cheetah / Ant, horizon 200); {@code promp} and {@code maml}
 * take the task sampling, horizon, reward coefficients, termination and observation layout of
 * ProMP and of MAML (rllab) on the same Gym v4 dynamics (dt = 0.05 s); rllab's own frame skip 1,
 * 0.02 s Ant time step and centre-of-mass velocity are not reproduced.
 */
final class Variants
{
    static final String HALF_CHEETAH_VEL = "half-cheetah-vel";
    static final String HALF_CHEETAH_DIR = "half-cheetah-dir";
    static final String ANT_VEL = "ant-vel";
    static final String ANT_DIR = "ant-dir";

    private static final int FRAME_SKIP = 5;
    private static final int HORIZON = 200;
    private static final int PROMP_HORIZON = 100;
    private static final double CHEETAH_CTRL = 0.05;
    /** Ant: 0.01 · reward_ctrl with reward_ctrl = −0.5‖a‖² (BO-MRL), and 0.005‖a/150‖² with gear 150 folded in (MAML). */
    private static final double ANT_CTRL = 0.005;
    /** gym Ant-v2 control cost used by ProMP. */
    private static final double PROMP_ANT_CTRL = 0.5;
    private static final double CONTACT = 5e-4;
    /** 0.05 + reward_survive 1.0. */
    private static final double ANT_BONUS = 1.05;
    private static final double NONE = Double.NaN;
    private static final List<Double> DIRECTIONS_TEST = List.of(1.0, -1.0);
    private static final List<Double> DIRECTIONS_EVALUATION = List.of(-1.0, 1.0);

    private static final Map<String, List<LocomotionVariant>> FAMILIES = Map.of(
            HALF_CHEETAH_VEL, List.of(
                    velocity(HALF_CHEETAH_VEL, "bomrl", Robot.HALF_CHEETAH, 2, HORIZON, CHEETAH_CTRL, 0, 0, NONE, NONE, ObservationLayout.CHEETAH_17,
                            tenths(1, 19), List.of(0.1, 0.3, 0.5, 0.7, 1.0, 1.3, 1.5, 1.7, 1.9), "BO-MRL on gym 0.26.2 HalfCheetah-v4 (spec §5b)"),
                    velocity(HALF_CHEETAH_VEL, "promp", Robot.HALF_CHEETAH, 3, PROMP_HORIZON, CHEETAH_CTRL, 0, 0, NONE, NONE, ObservationLayout.CHEETAH_17,
                            tenths(1, 29), tenths(1, 29), "ProMP HalfCheetahRandVelEnv: v* ~ U[0, 3], max_path_length 100"),
                    velocity(HALF_CHEETAH_VEL, "maml", Robot.HALF_CHEETAH, 2, HORIZON, CHEETAH_CTRL, 0, 0, NONE, NONE, ObservationLayout.CHEETAH_20,
                            tenths(1, 19), tenths(1, 19), "MAML rllab half_cheetah_env_rand: v* ~ U[0, 2], torso centre of mass observed")),
            HALF_CHEETAH_DIR, List.of(
                    direction(HALF_CHEETAH_DIR, "bomrl", Robot.HALF_CHEETAH, DirectionSampling.CYCLE, HORIZON, CHEETAH_CTRL, 0, 0, NONE, NONE,
                            ObservationLayout.CHEETAH_17, "BO-MRL on gym 0.26.2 HalfCheetah-v4 (spec §5b), tasks [−1, 1, −1, 1]"),
                    direction(HALF_CHEETAH_DIR, "promp", Robot.HALF_CHEETAH, DirectionSampling.UNIFORM, PROMP_HORIZON, CHEETAH_CTRL, 0, 0, NONE, NONE,
                            ObservationLayout.CHEETAH_17, "ProMP HalfCheetahRandDirecEnv: d = ±1, max_path_length 100"),
                    direction(HALF_CHEETAH_DIR, "maml", Robot.HALF_CHEETAH, DirectionSampling.UNIFORM, HORIZON, CHEETAH_CTRL, 0, 0, NONE, NONE,
                            ObservationLayout.CHEETAH_20, "MAML rllab half_cheetah_env_rand_direc: d = ±1 (g ~ U[0, 2] split at 1)")),
            ANT_VEL, List.of(
                    velocity(ANT_VEL, "bomrl", Robot.ANT, 3, HORIZON, ANT_CTRL, 0, ANT_BONUS, NONE, NONE, ObservationLayout.ANT_27,
                            tenths(1, 29), tenthsStep(3, 9), "BO-MRL on gym 0.26.2 Ant-v4 (spec §5b): done ignored, no contact term"),
                    velocity(ANT_VEL, "maml", Robot.ANT, 3, HORIZON, ANT_CTRL, CONTACT, ANT_BONUS, 0.2, 1.0, ObservationLayout.ANT_111,
                            tenths(1, 29), tenths(1, 29), "MAML rllab ant_env_rand: v* ~ U[0, 3], contact cost, ends when z ∉ [0.2, 1]")),
            ANT_DIR, List.of(
                    direction(ANT_DIR, "bomrl", Robot.ANT, DirectionSampling.CYCLE, HORIZON, ANT_CTRL, 0, ANT_BONUS, NONE, NONE, ObservationLayout.ANT_27,
                            "BO-MRL on gym 0.26.2 Ant-v4 (spec §5b): tasks [−1, 1, −1, 1], done ignored, no contact term"),
                    direction(ANT_DIR, "promp", Robot.ANT, DirectionSampling.UNIFORM, PROMP_HORIZON, PROMP_ANT_CTRL, CONTACT, 1.0, 0.0, 1.0,
                            ObservationLayout.ANT_111, "ProMP AntRandDirecEnv (gym Ant-v2 coefficients): ends when z ∉ [0, 1]"),
                    direction(ANT_DIR, "maml", Robot.ANT, DirectionSampling.UNIFORM, HORIZON, ANT_CTRL, CONTACT, 0.05, 0.2, 1.0, ObservationLayout.ANT_111,
                            "MAML rllab ant_env_rand_direc: d = ±1, contact cost, survive bonus 0.05, ends when z ∉ [0.2, 1]")));

    private Variants() {}

    /** The four family names, in listing order. */
    static List<String> families()
    {
        return List.of(HALF_CHEETAH_VEL, HALF_CHEETAH_DIR, ANT_VEL, ANT_DIR);
    }

    /** The family's variants; the first is the default. */
    static List<LocomotionVariant> of(String family)
    {
        List<LocomotionVariant> variants = FAMILIES.get(family);
        if (variants == null) {
            throw new IllegalArgumentException("no locomotion family '" + family + "'; families: " + families());
        }
        return variants;
    }

    /** The named variant of the family. */
    static LocomotionVariant of(String family, String name)
    {
        return of(family).stream().filter(variant -> variant.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("family " + family + " has no variant '" + name + "'; variants: "
                        + of(family).stream().map(LocomotionVariant::name).toList()));
    }

    private static LocomotionVariant velocity(String family, String name, Robot robot, double goalHigh, int horizon, double ctrl, double contact,
            double bonus, double healthyLow, double healthyHigh, ObservationLayout layout, List<Double> test, List<Double> evaluation, String source)
    {
        return new LocomotionVariant(family, name, robot, Objective.VELOCITY, 0.0, goalHigh, DirectionSampling.UNIFORM, horizon, FRAME_SKIP, ctrl, contact,
                bonus, healthyLow, healthyHigh, layout, test, evaluation, source);
    }

    private static LocomotionVariant direction(String family, String name, Robot robot, DirectionSampling sampling, int horizon, double ctrl,
            double contact, double bonus, double healthyLow, double healthyHigh, ObservationLayout layout, String source)
    {
        return new LocomotionVariant(family, name, robot, Objective.DIRECTION, -1.0, 1.0, sampling, horizon, FRAME_SKIP, ctrl, contact, bonus,
                healthyLow, healthyHigh, layout, DIRECTIONS_TEST, DIRECTIONS_EVALUATION, source);
    }

    /** k/10 for k = from … to (exact decimal doubles: 0.3, not 0.30000000000000004). */
    private static List<Double> tenths(int from, int to)
    {
        List<Double> goals = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            goals.add(k / 10.0);
        }
        return List.copyOf(goals);
    }

    /** (step·k)/10 for k = 1 … count: 0.3, 0.6, …, 2.7 for step 3 and count 9. */
    private static List<Double> tenthsStep(int step, int count)
    {
        List<Double> goals = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            goals.add((step * k) / 10.0);
        }
        return List.copyOf(goals);
    }
}
