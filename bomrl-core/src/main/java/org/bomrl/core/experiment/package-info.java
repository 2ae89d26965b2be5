/** Experiments: configuration sections, the evaluate and meta-learning experiments, results. */
package org.bomrl.core.experiment;
