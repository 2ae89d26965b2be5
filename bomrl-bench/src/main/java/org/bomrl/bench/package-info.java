/** JMH benchmarks of environments, exact evaluation, rounds, hypergradients and whole experiments. */
package org.bomrl.bench;
