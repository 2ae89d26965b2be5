package org.bomrl.core.experiment;

/**
 * What a work unit on this thread is doing, for the phase of a {@link NumericalFailureException}:
 * {@link GuardedLearner} opens it around one unit, {@link GuardedAlgorithm} moves it on at every
 * call of the adaptation algorithm (lower level, hypergradient) and counts the meta-test's
 * adaptation rounds. A unit's learner calls its algorithm on the unit's own thread.
 */
final class UnitPhase
{
    private static final ThreadLocal<UnitPhase> CURRENT = new ThreadLocal<>();

    private final boolean test;
    private int round;
    private String phase;

    private UnitPhase(boolean test)
    {
        this.test = test;
        this.phase = test ? "meta-test round 0 (data with π^(0))" : "data with π_φ";
    }

    /** Opens the phase record of a meta-training ({@code test} false) or meta-test unit on this thread. */
    static UnitPhase open(boolean test)
    {
        UnitPhase phase = new UnitPhase(test);
        CURRENT.set(phase);
        return phase;
    }

    static void close()
    {
        CURRENT.remove();
    }

    /** The lower level starts: in the meta-test, adaptation round k → π^(k). */
    static void lowerLevel()
    {
        UnitPhase current = CURRENT.get();
        if (current != null) {
            current.phase = current.test ? "meta-test round " + ++current.round + ", lower level" : "lower level";
        }
    }

    /** The lower level returned; data are collected with the adapted policy next. */
    static void lowerLevelDone()
    {
        UnitPhase current = CURRENT.get();
        if (current != null) {
            current.phase = current.test ? "meta-test round " + current.round + " (data with π^(" + current.round + "))" : "data with π_θ (after the lower level)";
        }
    }

    static void hypergradient()
    {
        UnitPhase current = CURRENT.get();
        if (current != null) {
            current.phase = "hypergradient";
        }
    }

    static void hypergradientDone()
    {
        UnitPhase current = CURRENT.get();
        if (current != null) {
            current.phase = "after the hypergradient";
        }
    }

    String phase()
    {
        return phase;
    }
}
