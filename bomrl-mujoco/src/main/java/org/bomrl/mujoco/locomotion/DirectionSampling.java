package org.bomrl.mujoco.locomotion;

/** How a meta-iteration's direction tasks are drawn. */
enum DirectionSampling
{
    /** BO-MRL (spec §5b): the fixed list [−1, 1, −1, 1, …], the generator unused. */
    CYCLE,
    /** ProMP, MAML, garage: d = −1 or +1 with probability ½ each, independently. */
    UNIFORM
}
