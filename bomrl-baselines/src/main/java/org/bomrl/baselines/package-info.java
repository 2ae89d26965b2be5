/** Baseline adaptation algorithms (the paper's policy-gradient "MAML" curve, meta-trained MAML) plugged in through the SPI. */
package org.bomrl.baselines;
