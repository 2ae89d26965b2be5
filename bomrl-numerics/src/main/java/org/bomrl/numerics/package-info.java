/** Shared numeric kernels used by core and the built-in plugins. */
package org.bomrl.numerics;
