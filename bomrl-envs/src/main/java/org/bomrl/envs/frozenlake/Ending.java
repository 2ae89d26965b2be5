package org.bomrl.envs.frozenlake;

/** What happens at the G and H cells of the dynamics map. */
enum Ending
{
    /** Gymnasium: entering G or H terminates the episode; the model makes them absorbing with zero reward. */
    TERMINATE,
    /** Spec §5a: G and H self-loop under every action, the episode goes on and the cell's reward is paid every step. */
    ABSORB
}
