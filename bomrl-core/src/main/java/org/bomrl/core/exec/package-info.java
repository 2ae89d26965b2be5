/** Execution backends behind one seam: independent per-task work, results in submission order. */
package org.bomrl.core.exec;
