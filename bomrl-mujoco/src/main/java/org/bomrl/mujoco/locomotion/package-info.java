/** Half-Cheetah and Ant locomotion task families (goal velocity, goal direction) on MuJoCo, spec §5b. */
package org.bomrl.mujoco.locomotion;
