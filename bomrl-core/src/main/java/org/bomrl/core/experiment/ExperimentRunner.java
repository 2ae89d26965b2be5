package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;
import com.google.inject.Provider;
import org.bomrl.api.compare.OptimalityComparatorFactory;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.distance.PolicyDistance;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.optim.OuterOptimizerFactory;
import org.bomrl.api.optim.OuterOptimizerSpec;
import org.bomrl.api.policy.GaussianPolicy;
import org.bomrl.api.policy.PolicyClass;
import org.bomrl.api.policy.PolicyClassFactory;
import org.bomrl.api.policy.PolicyClassSpec;
import org.bomrl.api.report.Figure;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.core.config.DistanceSettings;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.exec.ExecutionBackend;
import org.bomrl.core.exec.LocalExecutionBackend;
import org.bomrl.core.exec.RunDescription;
import org.bomrl.core.optim.AdamFactory;
import org.bomrl.core.plugin.FactoryKind;
import org.bomrl.core.plugin.PluginRegistry;
import org.bomrl.core.rollout.RoundMode;
import org.bomrl.core.rollout.Rounds;
import org.bomrl.core.rollout.TrajectorySampler;
import org.bomrl.core.run.Provenance;
import org.bomrl.core.run.RunDirectory;
import org.bomrl.core.run.TrainingProgress;
import org.bomrl.core.train.MetaTrainer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs an experiment file: reads and checks its whole configuration before anything runs (unknown
 * keys and invalid values fail first), creates the run directory, writes the effective
 * configuration and provenance, runs the experiment and writes its results and figures.
 */
public final class ExperimentRunner
{
    private final Components components;
    private final PluginRegistry registry;
    /** Fresh runners (each with its own per-run component record) for training seeds run at once. */
    private final Provider<ExperimentRunner> runners;

    @Inject
    public ExperimentRunner(Components components, PluginRegistry registry, Provider<ExperimentRunner> runners)
    {
        this.components = components;
        this.registry = registry;
        this.runners = runners;
    }

    /** Runs {@code config} into {@code out} (a new directory); returns the run directory. */
    public Path run(ExperimentConfiguration config, Path out, PrintStream progress, MetaTrainer.Listener listener)
    {
        if (SeedsExperiment.isSeeds(config)) {
            return runSeeds(config, () -> RunDirectory.create(out), progress, listener);
        }
        if (isSuite(config)) {
            return runSuite(config, () -> RunDirectory.create(out), progress, listener);
        }
        return execute(config, () -> RunDirectory.create(out), progress, listener);
    }

    /**
     * Reads and checks {@code config} completely (a suite: every member) without running anything;
     * returns the effective configuration.
     */
    public Map<String, String> check(ExperimentConfiguration config)
    {
        if (SeedsExperiment.isSeeds(config)) {
            SeedsExperiment.check(config, baseDirectory(config), member -> runners.get().check(member));
            return config.effective();
        }
        if (!isSuite(config)) {
            plan(config, baseDirectory(config));
            return config.effective();
        }
        Path base = baseDirectory(config);
        config.selector(ExperimentSettings.SCOPE + ".name", Optional.of("suite"));
        config.selector(ExperimentSettings.SCOPE + ".type", Optional.of("suite"));
        Map<String, String> overrides = config.overrides();
        List<String> files = config.settings("suite", SuiteExperiment.SPECS).getList("experiments");
        config.checkNoUnknownKeys();
        for (Path member : SuiteExperiment.members(files, config.fileLabel(), base)) {
            try {
                check(ExperimentConfiguration.load(member, overrides));
            }
            catch (InvalidSettingException e) {
                String name = member.getFileName().toString();
                throw e.getMessage() != null && e.getMessage().contains(name) ? e : new InvalidSettingException("suite member " + name + ": " + e.getMessage());
            }
        }
        return config.effective();
    }

    /** Continues the run in {@code runDirectory} from its checkpoints; the results equal an uninterrupted run's. */
    public Path resume(Path runDirectory, PrintStream progress, MetaTrainer.Listener listener)
    {
        return resume(runDirectory, Map.of(), progress, listener);
    }

    /**
     * Continues the run in {@code runDirectory} from its checkpoints on another execution backend:
     * {@code execution} (keys {@code execution.*} only, which change where units run, never the
     * results) replaces the run's recorded {@code execution.*} keys when not empty.
     */
    public Path resume(Path runDirectory, Map<String, String> execution, PrintStream progress, MetaTrainer.Listener listener)
    {
        for (String key : execution.keySet()) {
            if (!key.startsWith("execution.")) {
                throw new InvalidSettingException("resume --set " + key + ": only execution.* keys may change on resume (the others would change the results)");
            }
        }
        RunDirectory directory = RunDirectory.open(runDirectory);
        ExperimentConfiguration config = ExperimentConfiguration.load(directory.path().resolve(RunDirectory.CONFIG), Map.of());
        if (!execution.isEmpty()) {
            config = config.replacingScope("execution", execution);
        }
        if (SeedsExperiment.isSeeds(config)) {
            return runSeeds(config, () -> directory, progress, listener);
        }
        if (isSuite(config)) {
            return runSuite(config, () -> directory, progress, listener);
        }
        return execute(config, () -> directory, progress, listener);
    }

    /**
     * The directory relative paths in the file resolve against: {@code experiment.base_directory},
     * else the experiment file's directory; recorded in the effective configuration so that a
     * resumed run (whose file is the run's own config.properties) resolves them the same way.
     */
    private static Path baseDirectory(ExperimentConfiguration config)
    {
        Path fileDirectory = Path.of(config.fileLabel()).toAbsolutePath().getParent();
        return Path.of(config.selector(ExperimentSettings.SCOPE + ".base_directory", Optional.of(fileDirectory.toString())));
    }

    private static boolean isSuite(ExperimentConfiguration config)
    {
        return config.value(ExperimentSettings.SCOPE + ".type").map(String::trim).filter("suite"::equals).isPresent();
    }

    private Path runSuite(ExperimentConfiguration config, Supplier<RunDirectory> directorySupplier, PrintStream progress, MetaTrainer.Listener listener)
    {
        String name = config.value(ExperimentSettings.SCOPE + ".name").orElse("suite").trim();
        Path base = baseDirectory(config);
        Map<String, String> overrides = config.overrides();
        check(config);
        List<String> files = config.settings("suite", SuiteExperiment.SPECS).getList("experiments");
        RunDirectory directory = directorySupplier.get();
        directory.writeConfiguration(config.effective(), config.effectiveSources());
        ExperimentOutcome outcome = SuiteExperiment.run(files, config.fileLabel(), base, overrides, directory, (member, memberDirectory) -> {
            progress.println("suite " + name + ": " + memberDirectory.getFileName());
            return java.nio.file.Files.isRegularFile(memberDirectory.resolve(RunDirectory.CONFIG))
                    ? resume(memberDirectory, progress, listener)
                    : execute(member, () -> RunDirectory.create(memberDirectory), progress, listener);
        });
        outcome.summary().put("experiment", name);
        outcome.summary().put("type", "suite");
        directory.writeJson(RunDirectory.SUMMARY, outcome.summary());
        render(outcome.figures(), writers(List.of("report.png")), directory);
        return directory.path();
    }

    /** Runs a training-seeds experiment: each seed's run by a fresh runner, then the comparison over seeds. */
    private Path runSeeds(ExperimentConfiguration config, Supplier<RunDirectory> directorySupplier, PrintStream progress, MetaTrainer.Listener listener)
    {
        SeedsExperiment.Finished finished = SeedsExperiment.run(config, baseDirectory(config), directorySupplier, member -> runners.get().check(member),
                (member, memberDirectory) -> runners.get().runSeed(member, memberDirectory, progress, listener), progress);
        render(finished.outcome().figures(), writers(List.of("report.png")), finished.directory());
        return finished.directory().path();
    }

    /** Runs one training seed's experiment or suite into its directory, continuing it there if it was started (with the seed's overrides). */
    private Path runSeed(ExperimentConfiguration member, Path directory, PrintStream progress, MetaTrainer.Listener listener)
    {
        Supplier<RunDirectory> target = java.nio.file.Files.isRegularFile(directory.resolve(RunDirectory.CONFIG)) ? () -> RunDirectory.open(directory) : () -> RunDirectory.create(directory);
        return isSuite(member) ? runSuite(member, target, progress, listener) : execute(member, target, progress, listener);
    }

    /** The run directory {@code runs/<name>} for a configuration (without creating it). */
    public static Path defaultDirectory(ExperimentConfiguration config)
    {
        String name = config.value(ExperimentSettings.SCOPE + ".name").orElse("experiment").trim();
        return Path.of("runs", name.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** Reads and checks the whole configuration, and only then creates the run directory and runs. */
    private Path execute(ExperimentConfiguration config, Supplier<RunDirectory> directorySupplier, PrintStream progress, MetaTrainer.Listener listener)
    {
        ExperimentPlan plan = plan(config, baseDirectory(config));
        ExperimentPlan.Common common = plan.common();
        RunDirectory directory = directorySupplier.get();
        directory.writeConfiguration(config.effective(), config.effectiveSources());
        writeProvenance(directory, common);
        ExperimentOutcome outcome;
        if (plan instanceof ExperimentPlan.MetaLearning metaLearning) {
            RunDescription run = new RunDescription(config.effective(), baseDirectory(config), planHash(config.effective()));
            try (ExecutionBackend.Execution execution = metaLearning.backend().open(metaLearning.executionSettings(), run, common.distribution(), metaLearning.learners(),
                    common.settings().threads())) {
                outcome = new MetaLearningExperiment(common.distribution(), metaLearning.family(), metaLearning.methods(), common.comparators(), metaLearning.train(),
                        metaLearning.optimizers(), metaLearning.test(), metaLearning.rounds(), execution, metaLearning.learners(), common.random(), directory, progress, listener)
                        .run();
            }
        }
        else {
            outcome = EvaluateExperiment.run(tabular(common.environmentName(), common.distribution()).testTasks(), common.comparators(), directory, progress);
        }
        ObjectNode summary = outcome.summary();
        List<String> stalled = TrainingProgress.stalledMethods(directory.path());
        if (!stalled.isEmpty()) {
            progress.println("bomrl: " + TrainingProgress.warning(stalled));
            stalled.forEach(summary.putArray("noProgress")::add);
        }
        summary.put("experiment", common.settings().name());
        summary.put("type", common.settings().type());
        summary.put("environment", common.environmentName());
        summary.put("taskDistributionFingerprint", common.distribution().fingerprint());
        summary.put("seed", common.settings().seed());
        directory.writeJson(RunDirectory.SUMMARY, summary);
        writeProvenance(directory, common);
        render(outcome.figures(), common.writers(), directory);
        return directory.path();
    }

    /** Written when the run starts and again at its end, when every component it created is known. */
    private void writeProvenance(RunDirectory directory, ExperimentPlan.Common plan)
    {
        directory.writeJson(RunDirectory.PROVENANCE, Provenance.of(plan.settings().seed(), components.used(), Map.of(plan.environmentName(), plan.distribution().fingerprint())));
    }

    /** The plan of one experiment file: everything read and checked, in one pass, before anything is written. */
    private ExperimentPlan plan(ExperimentConfiguration config, Path baseDirectory)
    {
        components.startRun();
        components.useDistanceSettings(DistanceSettings.from(config, registry.factories(FactoryKind.DISTANCE)));
        ExperimentSettings settings = ExperimentSettings.parse(config.settings(ExperimentSettings.SCOPE, ExperimentSettings.SPECS));
        RandomSource random = RandomSource.seeded(settings.seed());
        String environmentName = config.selector("environment", Optional.empty());
        EnvironmentFactory environmentFactory = components.environment("environment", environmentName);
        TaskDistribution<?, ?> distribution = components.create(environmentFactory, config.settings("environment", environmentFactory.settings()), random);
        List<NamedComparator> comparators = new ArrayList<>();
        for (String name : settings.comparators()) {
            OptimalityComparatorFactory factory = components.comparator(ExperimentSettings.SCOPE + ".comparators", name);
            comparators.add(new NamedComparator(name, components.create(factory, config.settings("comparator." + name, factory.settings()), random)));
        }
        List<ReportWriter> writers = writers(config, settings.reportWriters(), random);
        ExperimentPlan.Common common = new ExperimentPlan.Common(settings, random, environmentName, distribution, comparators, writers);
        ExperimentPlan plan = settings.type().equals("meta-learning") ? metaLearning(config, baseDirectory, common) : new ExperimentPlan.Evaluate(common);
        config.checkNoUnknownKeys();
        return plan;
    }

    private ExperimentPlan.MetaLearning metaLearning(ExperimentConfiguration config, Path baseDirectory, ExperimentPlan.Common common)
    {
        ExperimentSettings settings = common.settings();
        RandomSource random = common.random();
        TaskDistribution<?, ?> distribution = common.distribution();
        EstimationSettings estimation = EstimationSettings.parse(config.settings(EstimationSettings.SCOPE, EstimationSettings.SPECS));
        MetaTrainSettings train = MetaTrainSettings.parse(config.settings(MetaTrainSettings.SCOPE, MetaTrainSettings.SPECS));
        checkPoolSize(train, common.environmentName(), distribution);
        String optimizerKey = MetaTrainSettings.SCOPE + ".optimizer";
        OuterOptimizerFactory optimizer = components.optimizer(optimizerKey, config.selector(optimizerKey, Optional.of(AdamFactory.NAME)));
        OuterOptimizerSpec experimentOptimizer = components.create(optimizer, config.settings(optimizerKey, optimizer.settings()), random);
        MetaTestSettings test = MetaTestSettings.parse(config.settings(MetaTestSettings.SCOPE, MetaTestSettings.SPECS));
        Rounds rounds = new Rounds(settings.mode(), estimation.episodes(), estimation.tdStep());
        PolicyFamily family = family(config, common.environmentName(), distribution, rounds, random, settings.threads());
        List<MethodSpec> methods = Methods.parse(config, components, baseDirectory);
        MethodOptimizers optimizers = MethodOptimizers.parse(config, components, optimizer, experimentOptimizer, methods, random);
        LearnerCatalog learners = new LearnerCatalog(components, family, methods, distribution.testTasks().stream().map(Task::id).toList(), random);
        String backendKey = "execution.backend";
        ExecutionBackend backend = backend(backendKey, config.selector(backendKey, Optional.of(LocalExecutionBackend.NAME)));
        MapSettings executionSettings = config.settings("execution", backend.settings());
        return new ExperimentPlan.MetaLearning(common, train, optimizers, test, rounds, family, methods, learners, backend, executionSettings);
    }

    /**
     * A distribution that lists its training tasks is by default sampled without replacement (spec
     * §3.1, {@link TaskDistribution#sampleTrainTasks}): B distinct tasks per iteration, so B above
     * {@link TaskDistribution#maxTasksPerIteration} cannot be honoured and is refused instead of
     * silently clamped.
     */
    private static void checkPoolSize(MetaTrainSettings train, String environmentName, TaskDistribution<?, ?> distribution)
    {
        int pool = distribution.maxTasksPerIteration();
        if (train.tasksPerIteration() > pool) {
            throw new InvalidSettingException(MetaTrainSettings.SCOPE + ".tasks_per_iteration = " + train.tasksPerIteration() + " exceeds the " + pool
                    + " training tasks of environment = " + environmentName + " (tasks are drawn without replacement); valid: 1 to " + pool);
        }
    }

    /**
     * The learners and tasks of the run {@code run} describes, rebuilt from its effective
     * configuration (as a cluster member does); nothing is written.
     */
    public RebuiltRun rebuild(RunDescription run)
    {
        ExperimentConfiguration config = ExperimentConfiguration.ofOverrides(run.configuration());
        config.selector(ExperimentSettings.SCOPE + ".base_directory", Optional.of(run.baseDirectory().toString()));
        ExperimentPlan plan = plan(config, run.baseDirectory());
        if (!planHash(config.effective()).equals(run.planHash())) {
            throw new IllegalStateException("the rebuilt plan differs from the driver's (hash " + planHash(config.effective()) + " vs " + run.planHash()
                    + "): different bomrl or plugin versions?");
        }
        if (!(plan instanceof ExperimentPlan.MetaLearning metaLearning)) {
            throw new IllegalArgumentException("experiment.type = " + plan.common().settings().type() + " has no work units to run");
        }
        return new RebuiltRun(plan.common().distribution(), metaLearning.learners());
    }

    /** A run's tasks and learners, rebuilt on another machine. */
    public record RebuiltRun(TaskDistribution<?, ?> distribution, LearnerCatalog learners) {}

    /** SHA-256 of the effective configuration, one {@code key=value} line per key in key order. */
    static String planHash(Map<String, String> effective)
    {
        return RunDirectory.planHash(effective);
    }

    /** {@code local}, or a backend on the class path registered with {@link java.util.ServiceLoader}. */
    private static ExecutionBackend backend(String key, String name)
    {
        List<ExecutionBackend> backends = new ArrayList<>(List.of(new LocalExecutionBackend()));
        java.util.ServiceLoader.load(ExecutionBackend.class, ExperimentRunner.class.getClassLoader()).forEach(backends::add);
        return backends.stream().filter(backend -> backend.name().equals(name)).findFirst().orElseThrow(() -> new InvalidSettingException(
                key + " = '" + name + "' is not an available execution backend; valid: " + String.join(", ", backends.stream().map(ExecutionBackend::name).toList())));
    }

    /** Tabular softmax when the tasks have exact tabular models; otherwise the policy class named by {@code policy} on the sampling settings. */
    private PolicyFamily family(ExperimentConfiguration config, String environmentName, TaskDistribution<?, ?> distribution, Rounds rounds, RandomSource random,
            int threads)
    {
        if (distribution.tabular()) {
            TabularMdp model = tabular(environmentName, distribution).trainTasks().get(0).exactModel().get();
            return new PolicyFamily.Tabular(model.states(), model.actions(), rounds);
        }
        if (rounds.mode() == RoundMode.EXACT) {
            throw new InvalidSettingException("experiment.mode = exact needs tasks with an exact tabular model; environment = " + environmentName + " has none (use estimated)");
        }
        SamplingSettings sampling = SamplingSettings.parse(config.settings(SamplingSettings.SCOPE, SamplingSettings.SPECS));
        PolicyClassFactory factory = components.policyClass("policy", config.selector("policy", Optional.of("policy.gaussian-mlp")));
        PolicyClassSpec spec = components.create(factory, config.settings("policy", factory.settings()), random);
        Task<?, ?> first = distribution.testTasks().get(0);
        int observations;
        int actions;
        try (Environment<?, ?> environment = first.newEnvironment()) {
            observations = environment.observationSpace().dimension();
            actions = environment.actionSpace().dimension();
        }
        PolicyClass policy = spec.forSpaces(observations, actions);
        if (!(policy instanceof GaussianPolicy gaussian)) {
            throw new InvalidSettingException("policy = " + factory.name() + " is not a Gaussian policy class; continuous tasks need one");
        }
        String kl = "distance.kl-prior-adapted";
        GaussianDistance fisher = ((PolicyDistance) components.resolver(random).distance(kl)).gaussian()
                .getOrElseThrow(() -> new InvalidSettingException(kl + " has no Gaussian view; the outer step's Fisher matrix needs one"));
        return new PolicyFamily.Gaussian(gaussian, new TrajectorySampler(sampling.episodes(), sampling.horizon(), sampling.bootstrapSteps(), sampling.gamma()),
                new TrajectorySampler(sampling.postEpisodes(), sampling.horizon(), sampling.bootstrapSteps(), sampling.gamma()), sampling.gamma(), sampling.estimator(), fisher,
                sampling.fisherTasks(), ObservationFilterSection.parse(config, sampling.episodes()), threads);
    }

    @SuppressWarnings("unchecked")
    private static TaskDistribution<Integer, Integer> tabular(String name, TaskDistribution<?, ?> distribution)
    {
        if (!distribution.tabular()) {
            throw new InvalidSettingException("environment = " + name + " is not tabular (no exact model); tabular experiments need one");
        }
        for (Task<?, ?> task : distribution.trainTasks()) {
            task.exactModel().get();
        }
        return (TaskDistribution<Integer, Integer>) distribution;
    }

    /** The writers of a suite's or a seeds experiment's own figures: with their defaults. */
    private List<ReportWriter> writers(List<String> names)
    {
        return writers(ExperimentConfiguration.ofOverrides(Map.of()), names, RandomSource.seeded(0));
    }

    /** The report writers {@code names}, created with their {@code report.<name>.*} settings (see {@link Components#reportWriters}). */
    private List<ReportWriter> writers(ExperimentConfiguration config, List<String> names, RandomSource random)
    {
        return components.reportWriters(config, ExperimentSettings.SCOPE + ".report_writers", names, random);
    }

    private static void render(List<Figure> figures, List<ReportWriter> writers, RunDirectory directory)
    {
        for (ReportWriter writer : writers) {
            try {
                writer.write(figures, directory.path());
            }
            catch (IOException e) {
                throw new UncheckedIOException("report writer " + writer.name() + " failed in " + directory.path(), e);
            }
        }
    }
}
