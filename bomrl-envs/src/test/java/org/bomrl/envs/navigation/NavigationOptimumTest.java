package org.bomrl.envs.navigation;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.KnownOptimum;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The closed-form optimum of {@link NavigationRules} against an independent brute force: backward
 * dynamic programming over the lattice hℤ² with h = v/4 and all 81 lattice velocities of
 * [−v, v]². For goals on the lattice the optimal path p_k = clip(g, −kv, kv) lies on it, so the
 * two optima agree to round-off; off the lattice the DP optimum of the restricted problem is below
 * the optimum by at most the lattice's per-step distance error √2·h/2 summed over the horizon.
 */
final class NavigationOptimumTest
{
    private static final double SPEED = 0.1;
    private static final int SUBSTEPS = 4;
    private static final double LATTICE = SPEED / SUBSTEPS;
    private static final int HORIZON = 9;
    private static final double GAMMA = 0.9;
    /** Round-off of sums of ~10 distances computed along two different paths of floating-point additions. */
    private static final double ROUND_OFF = 1e-12;

    @Test
    void optimumEqualsDynamicProgrammingForGoalsOnTheLattice()
    {
        double[][] goals = {{0.25, -0.125}, {0.5, 0.5}, {-0.375, 0.05}, {0, 0}, {0.1, 0.45}, {-0.5, -0.025}};
        for (double terminateWithin : new double[] {0, 0.03}) {
            for (double[] goal : goals) {
                NavigationRules rules = new NavigationRules(goal[0], goal[1], SPEED, HORIZON, GAMMA, terminateWithin);

                assertThat(rules.optimalReturn()).as("goal %s, d = %s", Arrays.toString(goal), terminateWithin)
                        .isCloseTo(latticeOptimum(rules), within(ROUND_OFF));
            }
        }
    }

    @Test
    void optimumBoundsDynamicProgrammingForGoalsOffTheLattice()
    {
        SplittableRandom random = RandomSource.seeded(5).derive("navigation-off-lattice").generator();
        double gap = 0;
        for (int t = 0; t < HORIZON; t++) {
            gap += Math.pow(GAMMA, t) * Math.sqrt(2) * LATTICE / 2;
        }
        for (int trial = 0; trial < 6; trial++) {
            NavigationRules rules = new NavigationRules(random.nextDouble() - 0.5, random.nextDouble() - 0.5, SPEED, HORIZON, GAMMA, 0);
            double lattice = latticeOptimum(rules);

            assertThat(rules.optimalReturn()).as("trial %d", trial).isGreaterThanOrEqualTo(lattice - ROUND_OFF).isLessThanOrEqualTo(lattice + gap);
        }
    }

    @Test
    void theOptimalPolicyEarnsTheOptimumInTheEnvironment()
    {
        for (double terminateWithin : new double[] {0, 0.1}) {
            for (double[] goal : new double[][] {{0.25, -0.125}, {-0.4321, 0.1234}, {0.5, 0.5}, {0.03, -0.49}}) {
                NavigationTask task = new NavigationTask(new NavigationRules(goal[0], goal[1], SPEED, 100, 0.99, terminateWithin));

                double earned = Navigation.discountedReturn(task, task.rules()::optimalAction);

                KnownOptimum optimum = task.capability(KnownOptimum.class).get();
                assertThat(earned).as("task %s, d = %s", task.id(), terminateWithin).isCloseTo(optimum.optimalReturn(), within(ROUND_OFF));
            }
        }
    }

    @Test
    void noRandomOrPerturbedPolicyBeatsTheOptimum()
    {
        SplittableRandom random = RandomSource.seeded(6).derive("navigation-random-policies").generator();
        NavigationTask task = new NavigationTask(new NavigationRules(0.37, -0.21, SPEED, 30, 0.95, 0));
        double optimum = task.optimalReturn();
        for (int trial = 0; trial < 300; trial++) {
            double noise = trial < 150 ? 0.2 : 0.01;
            double earned = Navigation.discountedReturn(task, (position, action) -> {
                task.rules().optimalAction(position, action);
                action[0] += noise * (2 * random.nextDouble() - 1);
                action[1] += noise * (2 * random.nextDouble() - 1);
            });

            assertThat(earned).as("trial %d", trial).isLessThanOrEqualTo(optimum + ROUND_OFF);
        }
    }

    /** max over lattice action sequences of Σ_t γ^t r_t, by backward induction over lattice positions (integer coordinates × h). */
    private static double latticeOptimum(NavigationRules rules)
    {
        int radius = HORIZON * SUBSTEPS;
        int side = 2 * radius + 1;
        double[] next = new double[side * side];
        double[] value = new double[side * side];
        for (int t = HORIZON - 1; t >= 0; t--) {
            int reach = t * SUBSTEPS;
            Arrays.fill(value, Double.NEGATIVE_INFINITY);
            for (int i = -reach; i <= reach; i++) {
                for (int j = -reach; j <= reach; j++) {
                    double best = Double.NEGATIVE_INFINITY;
                    for (int di = -SUBSTEPS; di <= SUBSTEPS; di++) {
                        for (int dj = -SUBSTEPS; dj <= SUBSTEPS; dj++) {
                            double x = (i + di) * LATTICE;
                            double y = (j + dj) * LATTICE;
                            double distance = Math.hypot(x - rules.goalX(), y - rules.goalY());
                            boolean ends = rules.terminateWithin() > 0 && distance <= rules.terminateWithin();
                            double q = -distance + (ends ? 0 : rules.gamma() * next[(i + di + radius) * side + (j + dj + radius)]);
                            best = Math.max(best, q);
                        }
                    }
                    value[(i + radius) * side + (j + radius)] = best;
                }
            }
            double[] swap = next;
            next = value;
            value = swap;
        }
        return next[radius * side + radius];
    }
}
