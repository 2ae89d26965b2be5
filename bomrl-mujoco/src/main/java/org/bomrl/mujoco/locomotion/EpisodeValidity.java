package org.bomrl.mujoco.locomotion;

/**
 * Implemented by the MuJoCo environments: whether the current episode met a MuJoCo warning (bad
 * qpos, qvel or qacc — an unstable simulation — or a full contact buffer). MuJoCo resets the state
 * after such warnings, so the episode's data are not to be trusted; the environment truncates the
 * episode at that step and results should count it as invalid. Cleared by {@code reset}.
 */
public interface EpisodeValidity
{
    /** Whether a MuJoCo warning was raised since the last reset. */
    boolean episodeInvalid();

    /** MuJoCo's text of the warning, empty while the episode is valid. */
    String invalidReason();
}
