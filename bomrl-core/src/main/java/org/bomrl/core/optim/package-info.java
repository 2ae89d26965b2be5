/** The built-in outer optimisers of meta-training: Adam ascent and the TRPO step (spec §3.1, §3.5). */
package org.bomrl.core.optim;
