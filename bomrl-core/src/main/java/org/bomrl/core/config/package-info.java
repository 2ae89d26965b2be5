/** Experiment configuration: layered properties files, per-component slices, unknown-key checks. */
package org.bomrl.core.config;
