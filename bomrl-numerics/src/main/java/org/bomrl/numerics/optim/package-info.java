/** First-order optimisers and iterative linear solvers. */
package org.bomrl.numerics.optim;
