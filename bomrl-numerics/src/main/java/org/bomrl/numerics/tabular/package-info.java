/** Exact computations on tabular MDPs and softmax policies: evaluation, optimal values, derivatives. */
package org.bomrl.numerics.tabular;
