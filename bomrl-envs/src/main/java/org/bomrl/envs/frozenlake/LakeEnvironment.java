package org.bomrl.envs.frozenlake;

import org.bomrl.api.env.DiscreteSpace;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Space;
import org.bomrl.api.env.Step;

import java.util.SplittableRandom;

/**
 * One Frozen Lake episode at a time, with Gymnasium's step semantics: the taken direction is drawn
 * ({@link LakeRules#direction}), the agent moves, the reward of the entered cell is paid,
 * {@code terminated} is true when the entered cell ends episodes, and {@code truncated} is true once
 * {@code horizon} steps have been taken (Gymnasium's {@code TimeLimit}). Slips are drawn from a
 * {@link SplittableRandom} seeded by {@link #reset(long)}. Not thread-safe.
 */
final class LakeEnvironment
        implements Environment<Integer, Integer>
{
    private final LakeRules rules;
    private final DiscreteSpace observationSpace;
    private final DiscreteSpace actionSpace = new DiscreteSpace(LakeMap.DIRECTIONS);
    private SplittableRandom random;
    private int state = -1;
    private int steps;
    private boolean done;

    LakeEnvironment(LakeRules rules)
    {
        this.rules = rules;
        this.observationSpace = new DiscreteSpace(rules.states());
    }

    @Override
    public Space observationSpace()
    {
        return observationSpace;
    }

    @Override
    public Space actionSpace()
    {
        return actionSpace;
    }

    @Override
    public Integer reset(long seed)
    {
        random = new SplittableRandom(seed);
        state = rules.start();
        steps = 0;
        done = false;
        return state;
    }

    @Override
    public Step<Integer> step(Integer action)
    {
        if (state < 0) {
            throw new IllegalStateException("step before reset");
        }
        if (done) {
            throw new IllegalStateException("step after the episode ended (terminated or truncated at step " + steps + ") without reset");
        }
        if (action == null || !actionSpace.contains(action)) {
            throw new IllegalArgumentException("action " + action + " is outside Discrete(" + LakeMap.DIRECTIONS + ")");
        }
        state = rules.next(state, rules.direction(action, random));
        steps++;
        boolean terminated = rules.terminates(state);
        boolean truncated = steps >= rules.horizon();
        done = terminated || truncated;
        return new Step<>(state, rules.reward(state), terminated, truncated);
    }
}
