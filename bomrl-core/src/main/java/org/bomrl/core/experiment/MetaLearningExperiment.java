package org.bomrl.core.experiment;

import me.tongfei.progressbar.ProgressBar;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.core.loop.ObservationFilter;
import org.bomrl.core.loop.TaskLearner;
import org.bomrl.core.loop.UnitExecutor;
import org.bomrl.core.rollout.RoundMode;
import org.bomrl.core.rollout.Rounds;
import org.bomrl.core.run.RunDirectory;
import org.bomrl.core.train.BoundRecipe;
import org.bomrl.core.train.Checkpoint;
import org.bomrl.core.train.MetaTester;
import org.bomrl.core.train.MetaTrainer;
import org.bomrl.core.train.RigorousGapBound;
import org.bomrl.core.train.TrainingRow;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code meta-learning} experiment: meta-train every method whose prior is {@code trained}
 * (spec §3.1), resolve the other priors, meta-test every method for K rounds with repetitions
 * (spec §2.6), compute the bound lines that are enabled (spec §4 recipe) and report returns and
 * optimality gaps against every comparator (spec §1.3).
 */
final class MetaLearningExperiment
{
    private final TaskDistribution<?, ?> distribution;
    private final PolicyFamily family;
    private final List<MethodSpec> methods;
    private final List<NamedComparator> comparators;
    private final MetaTrainSettings train;
    private final MethodOptimizers optimizers;
    private final MetaTestSettings test;
    private final Rounds rounds;
    private final UnitExecutor executor;
    private final LearnerCatalog learners;
    private final RandomSource random;
    private final RunDirectory directory;
    private final PrintStream progress;
    private final MetaTrainer.Listener listener;

    MetaLearningExperiment(TaskDistribution<?, ?> distribution, PolicyFamily family, List<MethodSpec> methods, List<NamedComparator> comparators,
            MetaTrainSettings train, MethodOptimizers optimizers, MetaTestSettings test, Rounds rounds, UnitExecutor executor, LearnerCatalog learners, RandomSource random, RunDirectory directory,
            PrintStream progress, MetaTrainer.Listener listener)
    {
        this.distribution = distribution;
        this.family = family;
        this.methods = methods;
        this.comparators = comparators;
        this.train = train;
        this.optimizers = optimizers;
        this.test = test;
        this.rounds = rounds;
        this.executor = executor;
        this.learners = learners;
        this.random = random;
        this.directory = directory;
        this.progress = progress;
        this.listener = listener;
    }

    ExperimentOutcome run()
    {
        Map<String, MetaTrainer.Result> trained = new LinkedHashMap<>();
        for (MethodSpec method : methods) {
            if (method.prior() instanceof Prior.Trained) {
                trained.put(method.id(), metaTrain(method));
            }
        }
        List<? extends Task<?, ?>> testTasks = distribution.testTasks();
        List<MethodResult> results = new ArrayList<>();
        for (MethodSpec method : methods) {
            double[] prior = prior(method, trained);
            progress.printf("meta-test %s: %d repetitions x %d tasks x %d rounds%n", method.id(), test.repetitions(), testTasks.size(), test.rounds());
            MetaTester.Outcome outcome = new MetaTester(executor).test(testTasks, LearnerCatalog.name(method, LearnerCatalog.META_TEST), prior, priorFilter(method, trained),
                    test.rounds(), test.repetitions(), random.derive("meta-test").derive(method.id()));
            OptionalDouble rigorous = OptionalDouble.empty();
            OptionalDouble bound = OptionalDouble.empty();
            if (family instanceof PolicyFamily.Tabular tabular) {
                List<Task<Integer, Integer>> tabularTasks = tabularTasks(testTasks);
                TabularAdaptation view = tabular(method, method.testSettings(), "meta-test");
                rigorous = rounds.mode() == RoundMode.EXACT ? RigorousGapBound.afterOneStep(tabularTasks, tabular.policy(prior), view) : OptionalDouble.empty();
                bound = bound(method, tabular.policy(prior), tabularTasks);
            }
            results.add(new MethodResult(method, outcome, bound, rigorous));
        }
        ComparatorReferences references = ComparatorReferences.compute(comparators, methods.stream().map(method -> new MethodComparison(method, learners)).toList(),
                testTasks);
        MetaLearningReport report = new MetaLearningReport(testTasks, results, references, trained, rounds.mode(), directory);
        return new ExperimentOutcome(report.write(), report.figures());
    }

    private MetaTrainer.Result metaTrain(MethodSpec method)
    {
        Optional<Checkpoint> resume = Checkpoint.read(directory.path(), method.id());
        double[] initial = family.initial(train, random.derive("meta-train").derive(method.id()));
        MetaTrainer.Result result;
        try (ProgressBar bar = Progress.bar("meta-train " + method.id(), train.iterations(), progress)) {
            resume.ifPresent(checkpoint -> bar.stepTo(checkpoint.iterations()));
            String name = LearnerCatalog.name(method, LearnerCatalog.META_TRAIN);
            TaskLearner learner = learners.apply(name);
            MetaTrainer trainer = new MetaTrainer(distribution, name, learner, executor, random.derive("meta-train").derive(method.id()));
            result = trainer.train(initial, train.iterations(), train.tasksPerIteration(), new GuardedOptimizer(method.id(), optimizers.of(method).newOptimizer(learner.parameterCount()),
                            resume.map(Checkpoint::iterations).orElse(0)),
                    train.checkpointEvery(), resume,
                    checkpoint -> checkpoint.write(directory, method.id()),
                    (row, written) -> {
                        bar.step();
                        bar.setExtraMessage(String.format(java.util.Locale.ROOT, " J(adapted) %.4f", row.adaptedReturn()));
                        listener.iterationDone(row, written);
                    });
        }
        List<String> diagnostics = result.rows().stream().flatMap(row -> row.diagnostics().keySet().stream()).distinct().sorted().toList();
        List<String> header = new ArrayList<>(List.of("iteration", "prior_return", "adapted_return", "hypergradient_norm"));
        header.addAll(diagnostics);
        Csv csv = new Csv(header);
        for (TrainingRow row : result.rows()) {
            List<Object> values = new ArrayList<>(List.of(row.iteration(), row.priorReturn(), row.adaptedReturn(), row.hypergradientNorm()));
            diagnostics.forEach(name -> values.add(row.diagnostics().getOrDefault(name, 0.0)));
            csv.row(values.toArray());
        }
        directory.write("training-" + method.id() + ".csv", csv.toString());
        directory.write("priors/" + method.id() + ".csv", family.priorTable(result.phi()));
        return result;
    }

    private double[] prior(MethodSpec method, Map<String, MetaTrainer.Result> trained)
    {
        Prior source = method.prior();
        if (source instanceof Prior.Trained) {
            return trained.get(method.id()).phi();
        }
        if (source instanceof Prior.FromMethod from) {
            return trained.get(from.method()).phi();
        }
        return family.fixedPrior(source, "method." + method.id() + ".prior");
    }

    /** The observation filter of the prior: the one its training left (spec §5b), the identity for fixed priors. */
    private static ObservationFilter priorFilter(MethodSpec method, Map<String, MetaTrainer.Result> trained)
    {
        Prior source = method.prior();
        if (source instanceof Prior.Trained) {
            return trained.get(method.id()).filter();
        }
        if (source instanceof Prior.FromMethod from) {
            return trained.get(from.method()).filter();
        }
        return ObservationFilter.identity();
    }

    @SuppressWarnings("unchecked")
    private static List<Task<Integer, Integer>> tabularTasks(List<? extends Task<?, ?>> tasks)
    {
        return (List<Task<Integer, Integer>>) tasks;
    }

    private OptionalDouble bound(MethodSpec method, TabularSoftmaxPolicy prior, List<Task<Integer, Integer>> testTasks)
    {
        if (!method.bound().enabled()) {
            return OptionalDouble.empty();
        }
        TabularAdaptation algorithm = tabular(method, method.boundSettings().orElseThrow(), "bound");
        return OptionalDouble.of(BoundRecipe.line(testTasks, prior, algorithm, method.bound().rounds(), method.bound().direction(), method.bound().clip(), method.bound().factor(), rounds,
                random.derive("bound").derive(method.id())));
    }

    private TabularAdaptation tabular(MethodSpec method, MapSettings settings, String purpose)
    {
        return learners.algorithm(method, settings, purpose).tabular().getOrElseThrow(() -> new InvalidSettingException(
                "method." + method.id() + ".adaptation = " + method.adaptation() + " does not support tabular softmax policies"));
    }
}
