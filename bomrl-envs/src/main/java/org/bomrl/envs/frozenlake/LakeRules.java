package org.bomrl.envs.frozenlake;

import org.bomrl.api.env.TabularMdp;

import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * Everything that defines one Frozen Lake task. Movement follows {@code dynamics}; the reward of a
 * step is {@code rewards} applied to the cell of {@code rewardMap} the step ENTERS (including
 * staying where it is). The G and H cells of {@code dynamics} end episodes or absorb, per
 * {@code ending}. With {@code slippery}, action a moves in direction a with probability
 * {@code successRate} and in each perpendicular direction (a−1 mod 4, a+1 mod 4) with probability
 * (1 − successRate)/2, as Gymnasium's {@code FrozenLake-v1}. Episodes are cut after {@code horizon}
 * steps; γ is the discount of the exact model.
 *
 * <ul>
 *   <li>Gymnasium: dynamics = reward map, {@link Ending#TERMINATE}, schedule (goal, hole, frozen).</li>
 *   <li>Spec §5a high variance: dynamics = reward map = task map, {@link Ending#ABSORB}, (+1, −1, 0), deterministic.</li>
 *   <li>Spec §5a low variance: dynamics = empty lake, reward map = task map, {@link Ending#ABSORB}, (+1, −0.5, 0).</li>
 * </ul>
 */
record LakeRules(LakeMap dynamics, LakeMap rewardMap, boolean slippery, double successRate, RewardSchedule rewards, Ending ending,
                 int horizon, double gamma)
{
    LakeRules
    {
        requireNonNull(dynamics, "dynamics is null");
        requireNonNull(rewardMap, "rewardMap is null");
        requireNonNull(rewards, "rewards is null");
        requireNonNull(ending, "ending is null");
        if (dynamics.nrow() != rewardMap.nrow() || dynamics.ncol() != rewardMap.ncol()) {
            throw new IllegalArgumentException("dynamics map " + dynamics + " and reward map " + rewardMap + " differ in shape");
        }
        if (!(successRate >= 0 && successRate <= 1)) {
            throw new IllegalArgumentException("success rate must be in [0, 1]: " + successRate);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be positive: " + horizon);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1]: " + gamma);
        }
    }

    int states()
    {
        return dynamics.states();
    }

    /** The initial state: S of the dynamics map. */
    int start()
    {
        return dynamics.start();
    }

    /** Whether entering {@code state} ends the episode (Gymnasium's G and H). */
    boolean terminates(int state)
    {
        return ending == Ending.TERMINATE && dynamics.holeOrGoal(state);
    }

    /** The state a move in {@code direction} from {@code state} leads to; G and H self-loop when absorbing. */
    int next(int state, int direction)
    {
        if (ending == Ending.ABSORB && dynamics.holeOrGoal(state)) {
            return state;
        }
        return dynamics.move(state, direction);
    }

    /** The reward for entering {@code state}. */
    double reward(int state)
    {
        return rewards.of(rewardMap.cell(state));
    }

    /** Probability (1 − successRate)/2 of each perpendicular slip. */
    double slipRate()
    {
        return (1.0 - successRate) / 2.0;
    }

    /**
     * The direction actually taken for {@code action}: one uniform u, then (a−1 mod 4) if u &lt; slip,
     * a if u &lt; slip + success, else (a+1 mod 4), the order of Gymnasium's transition list.
     * Not slippery: the action itself, without a draw.
     */
    int direction(int action, RandomGenerator random)
    {
        if (!slippery) {
            return action;
        }
        double u = random.nextDouble();
        double slip = slipRate();
        if (u < slip) {
            return (action + LakeMap.DIRECTIONS - 1) % LakeMap.DIRECTIONS;
        }
        if (u < slip + successRate) {
            return action;
        }
        return (action + 1) % LakeMap.DIRECTIONS;
    }

    /**
     * The exact model: P(s'|s,a) summed over the taken directions, r(s,a,s') = reward of entering s',
     * γ, horizon H and ρ = δ_start. Under {@link Ending#TERMINATE} the G and H cells are absorbing with
     * zero reward (the environment never steps from them).
     */
    TabularMdp model()
    {
        int states = states();
        int actions = LakeMap.DIRECTIONS;
        double[] transition = new double[states * actions * states];
        double[] reward = new double[states * actions * states];
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                int base = (s * actions + a) * states;
                if (terminates(s)) {
                    transition[base + s] = 1;
                    continue;
                }
                if (slippery) {
                    add(transition, reward, base, s, (a + actions - 1) % actions, slipRate());
                    add(transition, reward, base, s, a, successRate);
                    add(transition, reward, base, s, (a + 1) % actions, slipRate());
                }
                else {
                    add(transition, reward, base, s, a, 1);
                }
            }
        }
        double[] initial = new double[states];
        initial[start()] = 1;
        return new TabularMdp(states, actions, transition, reward, gamma, horizon, initial);
    }

    private void add(double[] transition, double[] reward, int base, int state, int direction, double probability)
    {
        int next = next(state, direction);
        transition[base + next] += probability;
        reward[base + next] = reward(next);
    }

    /** A canonical text of every field, for fingerprints. */
    String describe()
    {
        return "dynamics=" + dynamics.text() + ";rewardMap=" + rewardMap.text() + ";slippery=" + slippery + ";successRate=" + successRate
                + ";rewards=" + rewards + ";ending=" + ending + ";horizon=" + horizon + ";gamma=" + gamma;
    }
}
