/** Comparators: the reference values the optimality gap is measured against. */
package org.bomrl.api.compare;
