package org.bomrl.core.experiment;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.core.exec.ExecutionBackend;
import org.bomrl.core.rollout.Rounds;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Everything a run needs, read from its configuration once and checked before anything is
 * written: one immutable record per experiment kind ({@code experiment.type}), sharing the
 * {@link Common} part. Suites and training-seed experiments are sequences of these plans and are
 * planned by their own classes.
 */
sealed interface ExperimentPlan
        permits ExperimentPlan.Evaluate, ExperimentPlan.MetaLearning
{
    Common common();

    /** The parts of every plan: settings, the run's random source, the task distribution, comparators and report writers. */
    record Common(ExperimentSettings settings, RandomSource random, String environmentName, TaskDistribution<?, ?> distribution, List<NamedComparator> comparators,
            List<ReportWriter> writers)
    {
        public Common
        {
            requireNonNull(settings, "settings is null");
            requireNonNull(random, "random is null");
            requireNonNull(environmentName, "environmentName is null");
            requireNonNull(distribution, "distribution is null");
            comparators = List.copyOf(comparators);
            writers = List.copyOf(writers);
        }
    }

    /** {@code experiment.type = evaluate}: the comparators on the test tasks, nothing trained. */
    record Evaluate(Common common)
            implements ExperimentPlan
    {
        public Evaluate
        {
            requireNonNull(common, "common is null");
        }
    }

    /** {@code experiment.type = meta-learning}: the methods, how they meta-train and meta-test, and where their work units run. */
    record MetaLearning(Common common, MetaTrainSettings train, MethodOptimizers optimizers, MetaTestSettings test, Rounds rounds, PolicyFamily family,
            List<MethodSpec> methods, LearnerCatalog learners, ExecutionBackend backend, MapSettings executionSettings)
            implements ExperimentPlan
    {
        public MetaLearning
        {
            requireNonNull(common, "common is null");
            requireNonNull(train, "train is null");
            requireNonNull(optimizers, "optimizers is null");
            requireNonNull(test, "test is null");
            requireNonNull(rounds, "rounds is null");
            requireNonNull(family, "family is null");
            methods = List.copyOf(methods);
            requireNonNull(learners, "learners is null");
            requireNonNull(backend, "backend is null");
            requireNonNull(executionSettings, "executionSettings is null");
        }
    }
}
