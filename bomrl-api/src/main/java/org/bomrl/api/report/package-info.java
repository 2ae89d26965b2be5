/** Figures a run produces and the writers that render them (PNG and others). */
package org.bomrl.api.report;
