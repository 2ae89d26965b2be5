/** Outer (meta-level) optimisers: Adam, the TRPO step, and plugins' own (spec §3.1, §3.5). */
package org.bomrl.api.optim;
