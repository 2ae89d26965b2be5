package org.bomrl.core.loop;

import static java.util.Objects.requireNonNull;

/**
 * The meta-test curve of one task: the reported return at adaptation steps 0 … K, and the exact
 * J_τ(π^(k)) where the task has a model (NaN where it has none).
 */
public record TestOutcome(double[] returns, double[] exactReturns)
        implements java.io.Serializable
{
    public TestOutcome
    {
        requireNonNull(returns, "returns is null");
        requireNonNull(exactReturns, "exactReturns is null");
        if (returns.length != exactReturns.length) {
            throw new IllegalArgumentException("returns and exact returns differ in length: " + returns.length + " vs " + exactReturns.length);
        }
    }
}
