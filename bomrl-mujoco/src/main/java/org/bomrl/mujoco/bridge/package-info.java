/** A JNI bridge to the system MuJoCo library: shared read-only models, one simulation state per thread. */
package org.bomrl.mujoco.bridge;
