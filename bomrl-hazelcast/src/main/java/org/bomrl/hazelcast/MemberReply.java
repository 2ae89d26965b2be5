package org.bomrl.hazelcast;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * What a worker answers to a request: the result, a refusal (different code, unknown plan), or the
 * exception a unit threw (rethrown on the driver as it would be locally). Replies are values, not
 * remote exceptions, so clients and members see them alike.
 */
sealed interface MemberReply
        extends Serializable
        permits MemberReply.Done, MemberReply.Refused, MemberReply.Unprepared, MemberReply.Failed
{
    /** The request's result ({@code TrainOutcome}, {@code TestOutcome}, or the worker's name for a preparation). */
    record Done(Serializable value)
            implements MemberReply
    {
        public Done
        {
            requireNonNull(value, "value is null");
        }
    }

    /** The worker will not run this run's units; {@code reason} is one line for the user. */
    record Refused(String reason)
            implements MemberReply
    {
        public Refused
        {
            requireNonNull(reason, "reason is null");
        }
    }

    /** The worker does not hold the run of {@code planHash} (e.g. it restarted): prepare it again. */
    record Unprepared(String planHash)
            implements MemberReply
    {
        public Unprepared
        {
            requireNonNull(planHash, "planHash is null");
        }
    }

    /** The unit threw {@code error}. */
    record Failed(RuntimeException error)
            implements MemberReply
    {
        public Failed
        {
            requireNonNull(error, "error is null");
        }
    }
}
