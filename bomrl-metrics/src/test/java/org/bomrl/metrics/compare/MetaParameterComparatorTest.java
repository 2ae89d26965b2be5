package org.bomrl.metrics.compare;

import org.bomrl.api.env.Task;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MetaParameterComparatorTest
{
    /** The bandit optimum is a vertex of the simplex, approached but never reached by finite logits. */
    private static final double VERTEX_TOLERANCE = 1e-4;
    /** The interior optimum is a stationary point that Adam reaches closely. */
    private static final double INTERIOR_TOLERANCE = 1e-9;

    private final MetaParameterComparator comparator = new MetaParameterComparator(2000, 0.1, 4, 0);

    @Test
    void banditsShareThePolicyOfTheMoreRewardingArm()
    {
        // (1/2)(π₀·1 + π₁·w) with w = 0.5 is maximised by π₀ → 1: references (1, 0), mean 1/2
        List<Task<?, ?>> tasks = List.of(new ModelTask("left", Mdps.bandit(1, 0)), new ModelTask("right", Mdps.bandit(0, 0.5)));

        double[] values = comparator.referenceValues(tasks);

        assertThat(values[0]).isCloseTo(1, within(VERTEX_TOLERANCE)).isLessThanOrEqualTo(1);
        assertThat(values[1]).isCloseTo(0, within(VERTEX_TOLERANCE)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void banditsWithAHeavierSecondArmShareTheSecondArm()
    {
        List<Task<?, ?>> tasks = List.of(new ModelTask("left", Mdps.bandit(1, 0)), new ModelTask("right", Mdps.bandit(0, 2)));

        double[] values = comparator.referenceValues(tasks);

        assertThat(values[0]).isCloseTo(0, within(VERTEX_TOLERANCE));
        assertThat(values[1]).isCloseTo(2, within(2 * VERTEX_TOLERANCE));
    }

    @Test
    void interiorOptimumMatchesTheClosedForm()
    {
        // with p = π(stay|0): J_A = p + p², J_B = w(1 − p²); (J_A + J_B)/2 has derivative
        // (1 + 2p(1 − w))/2, zero at p* = 1/(2(w − 1)) = 1/4 for w = 3, a maximum since w > 1
        double w = 3;
        double pStar = 1 / (2 * (w - 1));
        List<Task<?, ?>> tasks = List.of(new ModelTask("stay", Mdps.stayOrLeave(1, 0)), new ModelTask("leave", Mdps.stayOrLeave(0, w)));

        TabularSoftmaxPolicy shared = comparator.bestSharedPolicy(tasks);
        double[] values = comparator.referenceValues(tasks);

        assertThat(shared.probability(0, 0)).isCloseTo(pStar, within(INTERIOR_TOLERANCE));
        assertThat(values[0]).isCloseTo(pStar + pStar * pStar, within(INTERIOR_TOLERANCE));
        assertThat(values[1]).isCloseTo(w * (1 - pStar * pStar), within(INTERIOR_TOLERANCE));
    }

    @Test
    void resultDependsOnlyOnTasksAndSettings()
    {
        List<Task<?, ?>> tasks = List.of(new ModelTask("stay", Mdps.stayOrLeave(1, 0)), new ModelTask("leave", Mdps.stayOrLeave(0, 3)));
        MetaParameterComparator short1 = new MetaParameterComparator(50, 0.1, 3, 5);
        MetaParameterComparator short2 = new MetaParameterComparator(50, 0.1, 3, 5);

        assertThat(short1.referenceValues(tasks)).containsExactly(short2.referenceValues(tasks));
    }

    @Test
    void tasksWithDifferentSpacesAreRejectedNamingBoth()
    {
        List<Task<?, ?>> tasks = List.of(new ModelTask("two-armed", Mdps.bandit(1, 0)), new ModelTask("three-armed", Mdps.bandit(1, 0, 2)));

        assertThatThrownBy(() -> comparator.referenceValues(tasks))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two-armed")
                .hasMessageContaining("three-armed");
    }

    @Test
    void tasksWithoutAnExactModelAreRejectedNamingTheTask()
    {
        assertThatThrownBy(() -> comparator.referenceValues(List.of(new ModelTask("ant-dir", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ant-dir")
                .hasMessageContaining("oracle");
    }

    @Test
    void anEmptyTaskListIsRejected()
    {
        assertThatThrownBy(() -> comparator.referenceValues(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
