/** BO-MRL's within-task algorithms Alg(1)–(3), the constrained variant and their hypergradients on tabular softmax policies (spec §2.4, §2.7, §3). */
package org.bomrl.core.adapt;
