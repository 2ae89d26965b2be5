/** Report writers that render a run's figures. */
package org.bomrl.metrics.report;
