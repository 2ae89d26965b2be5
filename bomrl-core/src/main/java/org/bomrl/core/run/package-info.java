/** The run directory: atomic writes of configuration, provenance, results and checkpoints. */
package org.bomrl.core.run;
