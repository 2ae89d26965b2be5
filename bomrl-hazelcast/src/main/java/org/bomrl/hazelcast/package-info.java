/** Runs a run's work units on a Hazelcast cluster, with results identical to a local run. */
package org.bomrl.hazelcast;
