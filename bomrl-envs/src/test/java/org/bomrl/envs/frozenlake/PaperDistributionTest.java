package org.bomrl.envs.frozenlake;

import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.numerics.tabular.OptimalValues;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The paper's two Frozen Lake distributions against spec §5a. */
final class PaperDistributionTest
{
    private static final String HIGH = "env.frozenlake.paper-high-variance";
    private static final String LOW = "env.frozenlake.paper-low-variance";
    private static final double TOLERANCE = 1e-12;
    private static final int LEFT = 0;
    private static final int DOWN = 1;
    private static final int RIGHT = 2;
    private static final int UP = 3;

    /** The map listings of spec §5a, verbatim. */
    private static final String HIGH_VARIANCE_LISTING = """
            m0 SFFF FFFF FFFF FFFG   m1 SFFF FFFF FFFF FFFG   m2 SFFF FFFF FFFH FHFG
            m3 SFFH FFFF FFHF FFHG   m4 SFFF FFFF FFFF FHFG   m5 SFFF FFFF FFHH FFFG
            m6 SFFF FFFF FHHF FFFG   m7 SFFF FFFF FFFF FFFG   m8 SFFH FFFF FFFF FFFG
            m9 SFFF FFFH FFFF FFFG
            """;
    private static final String LOW_VARIANCE_LISTING = """
            m0  SFFH FFFH FFFF FHFG   m1  SFFF HFFF FFFF FFFG   m2  SFFF FFFF FHHF FHHG   m3  SFFF FFHF HFFF FFHG
            m4  SFFF FFFH FFHF FFFG   m5  SFFF HFFF FFFF FFFG   m6  SFFF FFFF FHHF FFFG   m7  SFFF FFFF FFFF HFFG
            m8  SFHF FFFF FFHF FFFG   m9  SFFH FFFF FHFF FFHG   m10 SHHF FFFH FFFF FHFG   m11 SHFF FFFF FFFF FFFG
            m12 SFFF FFFF FFFF HHFG   m13 SFFH FFFF FFHF HFFG   m14 SHHF FFFF FFFF HFFG   m15 SFFF FFFF FFFF FFHG
            m16 SFFF FFFF FFFH HFFG   m17 SFFF FFFF FFFF FFFG   m18 SFFF FFFF FFHF FFHG   m19 SFFF FFFF FFFF FFFG
            """;

    /** J* = Σ_{t=5}^{H−1} γ^t: six moves reach G at step index 5, then +1 every remaining step (spec §5a). */
    private static double closedFormOptimum(double gamma, int horizon)
    {
        return Math.pow(gamma, 5) * (1 - Math.pow(gamma, horizon - 5)) / (1 - gamma);
    }

    /** Maps of a listing in the order m0, m1, …, as comma-separated rows. */
    private static List<String> parseListing(String listing)
    {
        List<String> tokens = Arrays.stream(listing.trim().split("\\s+")).toList();
        String[] maps = new String[tokens.size() / 5];
        for (int i = 0; i < tokens.size(); i += 5) {
            int index = Integer.parseInt(tokens.get(i).substring(1));
            maps[index] = String.join(",", tokens.subList(i + 1, i + 5));
        }
        return List.of(maps);
    }

    private static List<LakeRules> rules(String name, Map<String, String> settings)
    {
        List<LakeRules> rules = new ArrayList<>();
        for (Task<Integer, Integer> task : Distributions.create(name, settings).trainTasks()) {
            rules.add(((LakeTask) task).rules());
        }
        return rules;
    }

    @Test
    void mapsAndTaskIdsAreThoseOfTheSpec()
    {
        List<String> high = parseListing(HIGH_VARIANCE_LISTING);
        List<String> low = parseListing(LOW_VARIANCE_LISTING);
        assertThat(high).hasSize(10);
        assertThat(low).hasSize(20);

        assertThat(rules(HIGH, Map.of())).extracting(r -> r.rewardMap().text()).containsExactlyElementsOf(high);
        assertThat(rules(HIGH, Map.of())).extracting(r -> r.dynamics().text()).as("high variance: dynamics of the task map").containsExactlyElementsOf(high);
        assertThat(rules(LOW, Map.of())).extracting(r -> r.rewardMap().text()).containsExactlyElementsOf(low);
        assertThat(rules(LOW, Map.of())).extracting(r -> r.dynamics().text()).as("low variance: dynamics of the empty lake")
                .containsOnly("SFFF,FFFF,FFFF,FFFG");

        TaskDistribution<Integer, Integer> distribution = Distributions.create(LOW, Map.of());
        assertThat(distribution.trainTasks()).extracting(Task::id).containsExactly(
                "map0", "map1", "map2", "map3", "map4", "map5", "map6", "map7", "map8", "map9",
                "map10", "map11", "map12", "map13", "map14", "map15", "map16", "map17", "map18", "map19");
        assertThat(distribution.testTasks()).as("train = test").isEqualTo(distribution.trainTasks());
        assertThat(Distributions.create(HIGH, Map.of()).trainTasks()).extracting(Task::id).startsWith("map0").endsWith("map9").hasSize(10);
    }

    @Test
    void everyMapOfBothDistributionsHasTheClosedFormOptimum()
    {
        double expected = closedFormOptimum(0.8, 49);
        assertThat(expected).as("spec §5a value").isCloseTo(1.6383, within(5e-5));
        for (String name : List.of(HIGH, LOW)) {
            for (Task<Integer, Integer> task : Distributions.create(name, Map.of()).trainTasks()) {
                TabularMdp mdp = task.exactModel().get();
                assertThat(mdp.horizon()).isEqualTo(49);
                assertThat(mdp.gamma()).isEqualTo(0.8);
                assertThat(mdp.initial(0)).isEqualTo(1.0);
                assertThat(OptimalValues.of(mdp).value()).as("%s %s: J*", name, task.id()).isCloseTo(expected, within(TOLERANCE));
            }
        }
    }

    @Test
    void gammaAndHorizonCanBeOverriddenAndNothingElse()
    {
        for (String name : List.of(HIGH, LOW)) {
            assertThat(Distributions.factory(name).settings()).extracting(SettingSpec::key).containsExactly("gamma", "horizon");
            TaskDistribution<Integer, Integer> distribution = Distributions.create(name, Map.of("gamma", "0.5", "horizon", "10"));
            for (Task<Integer, Integer> task : distribution.trainTasks()) {
                TabularMdp mdp = task.exactModel().get();
                assertThat(mdp.horizon()).isEqualTo(10);
                assertThat(OptimalValues.of(mdp).value()).as("%s %s: J* with γ = 0.5, H = 10", name, task.id())
                        .isCloseTo(closedFormOptimum(0.5, 10), within(TOLERANCE));
            }
        }
    }

    @Test
    void highVarianceHolesAndGoalAbsorbAndPayEveryStep()
    {
        // map2 = SFFF,FFFF,FFFH,FHFG: holes at 11 and 13
        TabularMdp mdp = Distributions.task(HIGH, Map.of(), 2).exactModel().get();
        assertThat(mdp.transition(10, RIGHT, 11)).isEqualTo(1.0);
        assertThat(mdp.reward(10, RIGHT, 11)).as("entering a hole").isEqualTo(-1.0);
        for (int a = 0; a < 4; a++) {
            assertThat(mdp.transition(11, a, 11)).as("hole 11 absorbs action %d", a).isEqualTo(1.0);
            assertThat(mdp.reward(11, a, 11)).as("staying in a hole").isEqualTo(-1.0);
            assertThat(mdp.transition(15, a, 15)).as("goal absorbs action %d", a).isEqualTo(1.0);
            assertThat(mdp.reward(15, a, 15)).as("staying in the goal").isEqualTo(1.0);
        }
        assertThat(mdp.reward(9, DOWN, 13)).isEqualTo(-1.0);
        assertThat(mdp.transition(0, UP, 0)).as("deterministic clamp").isEqualTo(1.0);
        assertThat(mdp.reward(1, LEFT, 0)).as("entering S").isZero();
    }

    @Test
    void lowVarianceHolesPayButDoNotAbsorb()
    {
        // map0 = SFFH,FFFH,FFFF,FHFG on the empty lake
        TabularMdp mdp = Distributions.task(LOW, Map.of(), 0).exactModel().get();
        assertThat(mdp.transition(2, RIGHT, 3)).isEqualTo(1.0);
        assertThat(mdp.reward(2, RIGHT, 3)).as("entering H").isEqualTo(-0.5);
        assertThat(mdp.transition(3, DOWN, 7)).as("H does not absorb").isEqualTo(1.0);
        assertThat(mdp.reward(3, DOWN, 7)).isEqualTo(-0.5);
        assertThat(mdp.transition(3, LEFT, 2)).isEqualTo(1.0);
        assertThat(mdp.reward(3, LEFT, 2)).isZero();
        assertThat(mdp.reward(3, UP, 3)).as("bumping into the wall while on H").isEqualTo(-0.5);
        for (int a = 0; a < 4; a++) {
            assertThat(mdp.transition(15, a, 15)).as("goal absorbs action %d", a).isEqualTo(1.0);
            assertThat(mdp.reward(15, a, 15)).isEqualTo(1.0);
        }
    }

    @Test
    void episodesNeverTerminateAndTruncateAtStepFortyNine()
    {
        double gamma = 0.8;
        // the shortest path on map0 (no holes), then pushing into the corner of G
        double goalReturn = discountedReturn(Distributions.task(HIGH, Map.of(), 0), new int[] {DOWN, DOWN, RIGHT, DOWN, RIGHT, RIGHT}, RIGHT, gamma);
        assertThat(goalReturn).isCloseTo(closedFormOptimum(gamma, 49), within(TOLERANCE));

        // into hole 11 of map2 at step index 4, then −1 per step up to index 48
        double holeReturn = discountedReturn(Distributions.task(HIGH, Map.of(), 2), new int[] {RIGHT, RIGHT, RIGHT, DOWN, DOWN}, UP, gamma);
        double expected = -Math.pow(gamma, 4) * (1 - Math.pow(gamma, 45)) / (1 - gamma);
        assertThat(holeReturn).isCloseTo(expected, within(TOLERANCE));

        // low variance map0: walking along the H cells 3 and 7 costs −0.5 per H entered, G from index 5 on
        double lowReturn = discountedReturn(Distributions.task(LOW, Map.of(), 0), new int[] {RIGHT, RIGHT, RIGHT, DOWN, DOWN, DOWN}, DOWN, gamma);
        double lowExpected = -0.5 * Math.pow(gamma, 2) - 0.5 * Math.pow(gamma, 3) + closedFormOptimum(gamma, 49);
        assertThat(lowReturn).isCloseTo(lowExpected, within(TOLERANCE));
    }

    /** Runs {@code path}, then {@code rest} until the episode ends; checks terminated is never set and truncation comes at 49. */
    private static double discountedReturn(Task<Integer, Integer> task, int[] path, int rest, double gamma)
    {
        double total = 0;
        double discount = 1;
        try (Environment<Integer, Integer> environment = task.newEnvironment()) {
            environment.reset(1);
            for (int t = 1; t <= 49; t++) {
                Step<Integer> step = environment.step(t <= path.length ? path[t - 1] : rest);
                assertThat(step.terminated()).as("terminated at step %d", t).isFalse();
                assertThat(step.truncated()).as("truncated at step %d", t).isEqualTo(t == 49);
                total += discount * step.reward();
                discount *= gamma;
            }
        }
        return total;
    }
}
