package org.bomrl.api.adapt;

import org.bomrl.api.Experimental;

import static java.util.Objects.requireNonNull;

/**
 * The data of one round in one task, collected with (or computed exactly for) a data policy π
 * (spec §2.2, §5a): the action values Q^π(s,a) at {@code s·|A| + a} and the normalised discounted
 * state visitation ν^π(s). Estimated rounds come from {@code episodes} rollouts; exact rounds
 * have {@code episodes = 0}. {@code meanReturn} is the mean discounted return of π.
 * Arrays are copied in and out.
 */
@Experimental(since = "0.1")
public record TabularRound(int states, int actions, double[] q, double[] visitation, double meanReturn, int episodes)
{
    public TabularRound
    {
        requireNonNull(q, "q is null");
        requireNonNull(visitation, "visitation is null");
        if (q.length != states * actions || visitation.length != states) {
            throw new IllegalArgumentException("round arrays have wrong sizes: q " + q.length + ", visitation " + visitation.length
                    + " for |S|=" + states + ", |A|=" + actions);
        }
        if (episodes < 0) {
            throw new IllegalArgumentException("episodes is negative: " + episodes);
        }
        q = q.clone();
        visitation = visitation.clone();
    }

    @Override
    public double[] q()
    {
        return q.clone();
    }

    @Override
    public double[] visitation()
    {
        return visitation.clone();
    }

    /** Q(s,a) without copying. */
    public double q(int state, int action)
    {
        return q[state * actions + action];
    }

    /** ν(s) without copying. */
    public double visitation(int state)
    {
        return visitation[state];
    }

    /** Whether the round is exact rather than estimated. */
    public boolean exact()
    {
        return episodes == 0;
    }
}
