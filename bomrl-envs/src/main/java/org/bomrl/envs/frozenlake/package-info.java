/** Frozen Lake: Gymnasium's {@code FrozenLake-v1} and the paper's two task distributions (spec §5a), with exact models. */
package org.bomrl.envs.frozenlake;
