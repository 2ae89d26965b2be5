package org.bomrl.envs.frozenlake;

import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.TabularMdp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code env.frozenlake} against Gymnasium's {@code FrozenLakeEnv}: hand-derived entries of P on the
 * named maps, terminal holes and goal, rewards only for entering G, time limits, and the whole
 * kernel against a transcription of Gymnasium's construction of its {@code P} table.
 */
final class GymnasiumTransitionTest
{
    private static final double EXACT = 1e-12;
    private static final int LEFT = 0;
    private static final int DOWN = 1;
    private static final int RIGHT = 2;
    private static final int UP = 3;
    private static final double THIRD = 1.0 / 3.0;
    private static final Set<Integer> HOLES_4X4 = Set.of(5, 7, 11, 12);
    private static final Set<Integer> HOLES_8X8 = Set.of(19, 29, 35, 41, 42, 46, 49, 52, 54, 59);

    private static TabularMdp model(Map<String, String> settings)
    {
        return Distributions.create("env.frozenlake", settings).trainTasks().get(0).exactModel().get();
    }

    /** Asserts P(·|s,a) equals {@code expected} (next state → probability), zero elsewhere. */
    private static void assertRow(TabularMdp mdp, int state, int action, Map<Integer, Double> expected)
    {
        for (int next = 0; next < mdp.states(); next++) {
            assertThat(mdp.transition(state, action, next)).as("P(%d | s=%d, a=%d)", next, state, action)
                    .isCloseTo(expected.getOrDefault(next, 0.0), within(EXACT));
        }
    }

    @Test
    void slipperyFourByFourFromTheStart()
    {
        TabularMdp mdp = model(Map.of());

        // LEFT slips to UP or DOWN: LEFT and UP are clamped at the corner
        assertRow(mdp, 0, LEFT, Map.of(0, 2 * THIRD, 4, THIRD));
        assertRow(mdp, 0, DOWN, Map.of(0, THIRD, 4, THIRD, 1, THIRD));
        assertRow(mdp, 0, RIGHT, Map.of(4, THIRD, 1, THIRD, 0, THIRD));
        assertRow(mdp, 0, UP, Map.of(1, THIRD, 0, 2 * THIRD));
    }

    @Test
    void slipperyFourByFourNextToTheGoalPaysOnlyForEnteringIt()
    {
        TabularMdp mdp = model(Map.of());

        assertRow(mdp, 14, RIGHT, Map.of(14, THIRD, 15, THIRD, 10, THIRD));
        assertRow(mdp, 14, DOWN, Map.of(13, THIRD, 14, THIRD, 15, THIRD));
        for (int next : List.of(10, 13, 14)) {
            assertThat(mdp.reward(14, RIGHT, next)).as("reward for entering %d", next).isZero();
        }
        assertThat(mdp.reward(14, RIGHT, 15)).isEqualTo(1.0);
        assertThat(mdp.reward(14, DOWN, 15)).isEqualTo(1.0);
    }

    @Test
    void holesAndGoalAreAbsorbingWithZeroRewardExactlyOnTheNamedMaps()
    {
        assertTerminalStates(model(Map.of()), HOLES_4X4, 15);
        assertTerminalStates(model(Map.of("map_name", "8x8")), HOLES_8X8, 63);
    }

    private static void assertTerminalStates(TabularMdp mdp, Set<Integer> holes, int goal)
    {
        for (int s = 0; s < mdp.states(); s++) {
            boolean terminal = holes.contains(s) || s == goal;
            for (int a = 0; a < mdp.actions(); a++) {
                if (terminal) {
                    assertThat(mdp.transition(s, a, s)).as("P(%d | %d, %d) of a terminal cell", s, s, a).isEqualTo(1.0);
                    assertThat(mdp.reward(s, a, s)).as("r in a terminal cell").isZero();
                }
                else {
                    assertThat(mdp.transition(s, a, s)).as("P(%d | %d, %d) of a frozen cell", s, s, a).isLessThan(1.0);
                }
            }
        }
    }

    @Test
    void slipperyEightByEightNearHolesAndGoal()
    {
        TabularMdp mdp = model(Map.of("map_name", "8x8"));

        assertRow(mdp, 11, DOWN, Map.of(10, THIRD, 19, THIRD, 12, THIRD));
        assertRow(mdp, 62, RIGHT, Map.of(62, THIRD, 63, THIRD, 54, THIRD));
        assertRow(mdp, 55, DOWN, Map.of(54, THIRD, 63, THIRD, 55, THIRD));
        assertThat(mdp.reward(11, DOWN, 19)).as("entering a hole").isZero();
        assertThat(mdp.reward(55, DOWN, 63)).as("entering the goal").isEqualTo(1.0);
        assertThat(mdp.reward(55, DOWN, 54)).as("entering a hole").isZero();
        assertThat(mdp.horizon()).as("FrozenLake8x8-v1 max_episode_steps").isEqualTo(200);
    }

    @Test
    void successRateSplitsTheRestOverThePerpendicularMoves()
    {
        TabularMdp mdp = model(Map.of("success_rate", "0.6"));

        assertRow(mdp, 0, LEFT, Map.of(0, 0.6 + 0.2, 4, 0.2));
        assertRow(mdp, 9, UP, Map.of(8, 0.2, 5, 0.6, 10, 0.2));
    }

    @Test
    void deterministicMovesAreClampedAtTheBorder()
    {
        TabularMdp mdp = model(Map.of("is_slippery", "false"));

        assertRow(mdp, 0, RIGHT, Map.of(1, 1.0));
        assertRow(mdp, 0, LEFT, Map.of(0, 1.0));
        assertRow(mdp, 3, UP, Map.of(3, 1.0));
        assertRow(mdp, 14, DOWN, Map.of(14, 1.0));
        assertRow(mdp, 9, UP, Map.of(5, 1.0));
    }

    @Test
    void rewardScheduleIsPaidForTheEnteredCellWithStartCountingAsFrozen()
    {
        TabularMdp mdp = model(Map.of("is_slippery", "false", "reward_schedule", "2,-1,0.5"));

        assertThat(mdp.reward(4, UP, 0)).as("entering S").isEqualTo(0.5);
        assertThat(mdp.reward(0, RIGHT, 1)).as("entering F").isEqualTo(0.5);
        assertThat(mdp.reward(1, DOWN, 5)).as("entering H").isEqualTo(-1.0);
        assertThat(mdp.reward(14, RIGHT, 15)).as("entering G").isEqualTo(2.0);
        assertThat(mdp.reward(5, RIGHT, 5)).as("inside a terminal hole").isZero();
    }

    @Test
    void modelHasTheDefaultDiscountHorizonAndStart()
    {
        TabularMdp mdp = model(Map.of());
        assertThat(mdp.gamma()).isEqualTo(0.95);
        assertThat(mdp.horizon()).as("FrozenLake-v1 max_episode_steps").isEqualTo(100);
        assertThat(mdp.initial(0)).isEqualTo(1.0);

        TabularMdp custom = model(Map.of("map_name", "custom", "desc", "FFS,FHF,GFF", "max_episode_steps", "7", "gamma", "0.5"));
        assertThat(custom.initial(2)).as("ρ at S = (0, 2)").isEqualTo(1.0);
        assertThat(custom.horizon()).isEqualTo(7);
        assertThat(custom.gamma()).isEqualTo(0.5);
        assertThat(model(Map.of("map_name", "custom", "desc", "SFFFF,FFFFF,FFFFF,FFFFF,FFFFG")).horizon()).as("other maps: FrozenLake-v1").isEqualTo(100);
    }

    @Test
    void environmentTerminatesInAHoleAndRefusesFurtherSteps()
    {
        try (Environment<Integer, Integer> environment = Distributions.task("env.frozenlake", Map.of("is_slippery", "false"), 0).newEnvironment()) {
            assertThat(environment.reset(3)).isZero();
            assertThat(environment.step(DOWN)).isEqualTo(new Step<>(4, 0.0, false, false));
            assertThat(environment.step(RIGHT)).as("entering the hole at 5").isEqualTo(new Step<>(5, 0.0, true, false));
            assertThatThrownBy(() -> environment.step(LEFT)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void environmentPaysOneForReachingTheGoal()
    {
        try (Environment<Integer, Integer> environment = Distributions.task("env.frozenlake", Map.of("is_slippery", "false"), 0).newEnvironment()) {
            environment.reset(0);
            List<Step<Integer>> steps = new ArrayList<>();
            for (int action : new int[] {DOWN, DOWN, RIGHT, DOWN, RIGHT, RIGHT}) {
                steps.add(environment.step(action));
            }
            assertThat(steps).extracting(Step::observation).containsExactly(4, 8, 9, 13, 14, 15);
            assertThat(steps).extracting(Step::reward).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 1.0);
            assertThat(steps).extracting(Step::terminated).containsExactly(false, false, false, false, false, true);
        }
    }

    @Test
    void timeLimitTruncatesAtTheRegisteredStep()
    {
        try (Environment<Integer, Integer> environment = Distributions.task("env.frozenlake", Map.of("is_slippery", "false"), 0).newEnvironment()) {
            environment.reset(0);
            for (int t = 1; t < 100; t++) {
                assertThat(environment.step(LEFT)).as("step %d against the wall", t).isEqualTo(new Step<>(0, 0.0, false, false));
            }
            assertThat(environment.step(LEFT)).as("step 100").isEqualTo(new Step<>(0, 0.0, false, true));
        }
    }

    @Test
    void wholeKernelEqualsGymnasiumsTransitionTable()
    {
        for (String map : List.of("4x4", "8x8")) {
            for (String successRate : List.of("0.3333333333333333", "0.8", "1")) {
                TabularMdp mdp = model(Map.of("map_name", map, "success_rate", successRate, "reward_schedule", "1,-2,0.25"));
                double[][] expected = gymnasiumTable(GymnasiumMaps.NAMED.get(map).rows(), true, Double.parseDouble(successRate), new double[] {1, -2, 0.25});
                assertKernel(mdp, expected, map + " slippery, success rate " + successRate);
            }
            TabularMdp deterministic = model(Map.of("map_name", map, "is_slippery", "false"));
            assertKernel(deterministic, gymnasiumTable(GymnasiumMaps.NAMED.get(map).rows(), false, 1, new double[] {1, 0, 0}), map + " deterministic");
        }
    }

    private static void assertKernel(TabularMdp mdp, double[][] expected, String what)
    {
        int states = mdp.states();
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < 4; a++) {
                for (int next = 0; next < states; next++) {
                    int index = (s * 4 + a) * states + next;
                    assertThat(mdp.transition(s, a, next)).as("%s: P(%d | %d, %d)", what, next, s, a).isCloseTo(expected[0][index], within(EXACT));
                    if (expected[0][index] > 0) {
                        assertThat(mdp.reward(s, a, next)).as("%s: r(%d, %d, %d)", what, s, a, next).isEqualTo(expected[1][index]);
                    }
                }
            }
        }
    }

    /**
     * Gymnasium's {@code FrozenLakeEnv.__init__} transcribed: for each (s, a) a list of
     * (probability, next, reward) over b ∈ [(a−1)%4, a, (a+1)%4] with probabilities
     * [fail, success, fail] (or b = a alone), terminal letters G/H self-looping with reward 0.
     * Returns {P, r} aggregated into dense arrays.
     */
    private static double[][] gymnasiumTable(List<String> desc, boolean slippery, double successRate, double[] schedule)
    {
        int nrow = desc.size();
        int ncol = desc.get(0).length();
        int states = nrow * ncol;
        double[] p = new double[states * 4 * states];
        double[] r = new double[states * 4 * states];
        double failRate = (1.0 - successRate) / 2.0;
        for (int row = 0; row < nrow; row++) {
            for (int col = 0; col < ncol; col++) {
                int s = row * ncol + col;
                char letter = desc.get(row).charAt(col);
                for (int a = 0; a < 4; a++) {
                    int base = (s * 4 + a) * states;
                    if (letter == 'G' || letter == 'H') {
                        p[base + s] += 1.0;
                        continue;
                    }
                    int[] moves = slippery ? new int[] {(a + 3) % 4, a, (a + 1) % 4} : new int[] {a};
                    for (int b : moves) {
                        double probability = !slippery ? 1.0 : b == a ? successRate : failRate;
                        int newRow = row;
                        int newCol = col;
                        if (b == LEFT) {
                            newCol = Math.max(col - 1, 0);
                        }
                        else if (b == DOWN) {
                            newRow = Math.min(row + 1, nrow - 1);
                        }
                        else if (b == RIGHT) {
                            newCol = Math.min(col + 1, ncol - 1);
                        }
                        else {
                            newRow = Math.max(row - 1, 0);
                        }
                        int next = newRow * ncol + newCol;
                        char newLetter = desc.get(newRow).charAt(newCol);
                        p[base + next] += probability;
                        r[base + next] = schedule["GHF".indexOf(newLetter == 'S' ? 'F' : newLetter)];
                    }
                }
            }
        }
        return new double[][] {p, r};
    }
}
