package org.bomrl.core.train;

/**
 * One meta-iteration's record: the mean return of the prior's and of the adapted policies' rounds
 * over the sampled tasks, and the norm of the averaged hypergradient.
 */
public record TrainingRow(int iteration, double priorReturn, double adaptedReturn, double hypergradientNorm) {}
