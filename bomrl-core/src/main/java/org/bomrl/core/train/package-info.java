/** The meta-training loop (spec §3.1) and its checkpoints. */
package org.bomrl.core.train;
