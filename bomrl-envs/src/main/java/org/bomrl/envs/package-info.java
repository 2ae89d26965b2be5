/** The built-in environments plugin: task distributions registered through {@link org.bomrl.api.BomrlPlugin}. */
package org.bomrl.envs;
