package org.bomrl.core.experiment;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.core.exec.ExecutionBackend;
import org.bomrl.core.rollout.Rounds;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Everything a run needs, read from its configuration once and checked, with every error
 * collected, before anything is written: one immutable record per experiment kind
 * ({@code experiment.type}). A suite's plan holds its members' plans and a training-seeds plan
 * one plan per seed, so a suite or seeds file is checked completely before its first member runs.
 */
sealed interface ExperimentPlan
        permits ExperimentPlan.Single, ExperimentPlan.Suite, ExperimentPlan.Seeds
{
    /** What the plan was read from. */
    Source source();

    /**
     * The checked configuration: {@code effective} (every claimed key, given or default) is what the
     * run directory records and what its plan hash is computed from; relative paths resolve against
     * {@code baseDirectory}.
     */
    record Source(String name, String type, String fileLabel, Path baseDirectory, Map<String, String> effective, Map<String, String> effectiveSources)
    {
        public Source
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(fileLabel, "fileLabel is null");
            requireNonNull(baseDirectory, "baseDirectory is null");
            effective = Collections.unmodifiableSortedMap(new TreeMap<>(effective));
            effectiveSources = Collections.unmodifiableSortedMap(new TreeMap<>(effectiveSources));
        }
    }

    /** One experiment: the kinds that create a task distribution and components. */
    sealed interface Single
            extends ExperimentPlan
            permits Evaluate, MetaLearning
    {
        Common common();
    }

    /**
     * The parts of every single experiment: settings, its components (a record of the factories it
     * created, for provenance), the run's
     * random source, the task distribution, comparators and report writers.
     */
    record Common(ExperimentSettings settings, Components components, RandomSource random, String environmentName, TaskDistribution<?, ?> distribution,
            List<NamedComparator> comparators, List<ReportWriter> writers)
    {
        public Common
        {
            requireNonNull(settings, "settings is null");
            requireNonNull(components, "components is null");
            requireNonNull(random, "random is null");
            requireNonNull(environmentName, "environmentName is null");
            requireNonNull(distribution, "distribution is null");
            comparators = List.copyOf(comparators);
            writers = List.copyOf(writers);
        }
    }

    /** {@code experiment.type = evaluate}: the comparators on the test tasks, nothing trained. */
    record Evaluate(Source source, Common common)
            implements Single
    {
        public Evaluate
        {
            requireNonNull(source, "source is null");
            requireNonNull(common, "common is null");
        }
    }

    /** {@code experiment.type = meta-learning}: the methods, how they meta-train and meta-test, and where their work units run. */
    record MetaLearning(Source source, Common common, MetaTrainSettings train, MethodOptimizers optimizers, MetaTestSettings test, Rounds rounds, PolicyFamily family,
            List<MethodSpec> methods, LearnerCatalog learners, ExecutionBackend backend, MapSettings executionSettings)
            implements Single
    {
        public MetaLearning
        {
            requireNonNull(source, "source is null");
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

    /**
     * {@code experiment.type = suite}: the member experiments in {@code suite.experiments} order, each
     * run into the sub-directory {@code name}, and the writers of the suite's combined figure.
     */
    record Suite(Source source, List<Member> members, List<ReportWriter> writers)
            implements ExperimentPlan
    {
        public Suite
        {
            requireNonNull(source, "source is null");
            members = List.copyOf(members);
            writers = List.copyOf(writers);
        }

        /** One member: its directory name (the file name without {@code .properties}) and its plan. */
        record Member(String name, Single plan)
        {
            public Member
            {
                requireNonNull(name, "name is null");
                requireNonNull(plan, "plan is null");
            }
        }
    }

    /**
     * {@code experiment.type = seeds}: one plan of {@code seeds.experiment} per training seed (a
     * meta-learning experiment or a suite, run into {@code seed-<s>/}), in
     * {@code seeds.training_seeds} order, and the writers of the comparison's figures.
     */
    record Seeds(Source source, SeedsSettings settings, List<SeedRun> runs, List<ReportWriter> writers)
            implements ExperimentPlan
    {
        public Seeds
        {
            requireNonNull(settings, "settings is null");
            runs = List.copyOf(runs);
            writers = List.copyOf(writers);
        }

        /** One training seed's run. */
        record SeedRun(long seed, ExperimentPlan plan)
        {
            public SeedRun
            {
                requireNonNull(plan, "plan is null");
                if (plan instanceof Seeds) {
                    throw new IllegalArgumentException("a seeds experiment cannot be the member of another");
                }
            }
        }
    }
}
