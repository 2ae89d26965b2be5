/** The MuJoCo locomotion experiments (spec §5b) run end to end in short versions, and the bootstrap continuation they rely on. */
package org.bomrl.mujoco.experiments;
