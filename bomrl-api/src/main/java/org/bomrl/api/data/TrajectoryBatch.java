package org.bomrl.api.data;

import org.bomrl.api.Experimental;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * The data of one round in one task (spec §2.2, §3.5 step 1): {@code episodes} trajectories
 * collected with a data policy π, stored as flat row-major arrays over the N = Σ_e T_e steps in
 * collection order. Row i holds the observation s_i ({@code observations[i·dObs …]}), the action
 * a_i ({@code actions[i·dAct …]}), the reward r_i, the data policy's log π(a_i|s_i) (held fixed
 * by every algorithm) and whether the episode ended there by termination or by truncation.
 * Episode e covers rows {@code episodeStart(e) … episodeStart(e+1)−1}; {@code finalObservations}
 * holds each episode's last next-state s_{T_e} (row-major, dObs per episode), which bootstrapped
 * returns continue from (spec §5b).
 *
 * <p>Arrays are owned by the batch and must not be modified by readers: this type is on the hot
 * path and does not copy. Discrete observations and actions are stored as their index.
 */
@Experimental(since = "0.2")
public record TrajectoryBatch(String taskId, int observationDimension, int actionDimension, int[] episodeStarts, double[] observations, double[] actions,
        double[] rewards, double[] dataLogProbabilities, boolean[] terminated, boolean[] truncated, double[] finalObservations)
        implements Serializable
{
    public TrajectoryBatch
    {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(episodeStarts, "episodeStarts is null");
        requireNonNull(observations, "observations is null");
        requireNonNull(actions, "actions is null");
        requireNonNull(rewards, "rewards is null");
        requireNonNull(dataLogProbabilities, "dataLogProbabilities is null");
        requireNonNull(terminated, "terminated is null");
        requireNonNull(truncated, "truncated is null");
        requireNonNull(finalObservations, "finalObservations is null");
        int n = rewards.length;
        if (observationDimension < 1 || actionDimension < 1) {
            throw new IllegalArgumentException("dimensions must be positive: observation " + observationDimension + ", action " + actionDimension);
        }
        if (episodeStarts.length < 2 || episodeStarts[0] != 0 || episodeStarts[episodeStarts.length - 1] != n) {
            throw new IllegalArgumentException("episodeStarts must run from 0 to the step count " + n + " with one entry per episode plus one");
        }
        if (observations.length != n * observationDimension || actions.length != n * actionDimension || dataLogProbabilities.length != n
                || terminated.length != n || truncated.length != n || finalObservations.length != (episodeStarts.length - 1) * observationDimension) {
            throw new IllegalArgumentException("trajectory arrays have inconsistent sizes for " + n + " steps");
        }
    }

    /** N, the number of steps. */
    public int steps()
    {
        return rewards.length;
    }

    /** The number of episodes. */
    public int episodes()
    {
        return episodeStarts.length - 1;
    }

    /** The first row of episode {@code e}; {@code episodeStart(episodes())} is N. */
    public int episodeStart(int episode)
    {
        return episodeStarts[episode];
    }

    /** The mean over episodes of the undiscounted return Σ_t r_t. */
    public double meanUndiscountedReturn()
    {
        double sum = 0;
        for (double reward : rewards) {
            sum += reward;
        }
        return sum / episodes();
    }
}
