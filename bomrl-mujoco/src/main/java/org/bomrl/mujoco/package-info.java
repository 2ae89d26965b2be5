/** The MuJoCo plugin: locomotion task families over a JNI bridge to the system MuJoCo library. */
package org.bomrl.mujoco;
