package org.bomrl.core.experiment;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.vavr.control.Option;
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
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.core.config.ConfigurationErrors;
import org.bomrl.core.config.DistanceSettings;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.exec.ExecutionBackend;
import org.bomrl.core.exec.LocalExecutionBackend;
import org.bomrl.core.optim.AdamFactory;
import org.bomrl.core.plugin.FactoryKind;
import org.bomrl.core.plugin.PluginRegistry;
import org.bomrl.core.rollout.RoundMode;
import org.bomrl.core.rollout.Rounds;
import org.bomrl.core.rollout.TrajectorySampler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads an experiment file into its {@link ExperimentPlan}, once, before anything is written: the
 * kind by {@code experiment.type}; for a single experiment the distances, the experiment section,
 * the task distribution, comparators and report writers, then the meta-learning sections, each
 * checked on its own so that every error is reported at once ({@link ConfigurationErrors}). Each
 * single plan gets a fresh {@link Components} (its record of created factories); execution
 * backends are the injector's.
 */
public final class ExperimentPlanner
{
    private final Provider<Components> components;
    private final PluginRegistry registry;
    private final Map<String, ExecutionBackend> backends;

    @Inject
    public ExperimentPlanner(Provider<Components> components, PluginRegistry registry, Map<String, ExecutionBackend> backends)
    {
        this.components = components;
        this.registry = registry;
        this.backends = new TreeMap<>(backends);
    }

    /** The plan of an experiment file of any kind, by {@code experiment.type}; throws every error found (a suite's or seeds': its members' too). */
    ExperimentPlan plan(ExperimentConfiguration config)
    {
        String type = config.value(ExperimentSettings.SCOPE + ".type").map(String::trim).orElse("");
        return switch (type) {
            case SeedsExperiment.TYPE -> seeds(config);
            case SuiteExperiment.TYPE -> suite(config);
            default -> single(config);
        };
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

    private static ExperimentPlan.Source source(ExperimentConfiguration config, Path baseDirectory, String name, String type)
    {
        return new ExperimentPlan.Source(name, type, config.fileLabel(), baseDirectory, config.effective(), config.effectiveSources());
    }

    /**
     * A suite: its own keys, then every member's plan (with the suite's overrides); the errors of the
     * suite and of all its members are reported together, a member's named after it.
     */
    private ExperimentPlan.Suite suite(ExperimentConfiguration config)
    {
        ConfigurationErrors errors = new ConfigurationErrors(config);
        Path base = baseDirectory(config);
        String name = config.selector(ExperimentSettings.SCOPE + ".name", Optional.of(SuiteExperiment.TYPE));
        config.selector(ExperimentSettings.SCOPE + ".type", Optional.of(SuiteExperiment.TYPE));
        Map<String, String> overrides = config.overrides();
        Option<List<Path>> files = errors.check(
                () -> SuiteExperiment.members(config.settings(SuiteExperiment.TYPE, SuiteExperiment.SPECS).getList("experiments"), config.fileLabel(), base));
        errors.checkNoUnknownKeys();
        List<ExperimentPlan.Suite.Member> members = new ArrayList<>();
        for (Path file : files.getOrElse(List.of())) {
            String member = file.getFileName().toString();
            try {
                members.add(new ExperimentPlan.Suite.Member(SuiteExperiment.memberName(file), single(ExperimentConfiguration.load(file, overrides))));
            }
            catch (InvalidSettingException e) {
                for (String error : e.errors()) {
                    errors.add(new InvalidSettingException(error.contains(member) ? error : "suite member " + member + ": " + error));
                }
            }
        }
        errors.throwIfAny();
        return new ExperimentPlan.Suite(source(config, base, name, SuiteExperiment.TYPE), members, writers(List.of("report.png")));
    }

    /**
     * A training-seeds experiment: its own keys, then the member experiment's plan for every seed;
     * a member's errors name the {@code seeds.member.*} keys the user wrote, and stop at the first
     * failing seed (the others would repeat them).
     */
    private ExperimentPlan.Seeds seeds(ExperimentConfiguration config)
    {
        ConfigurationErrors errors = new ConfigurationErrors(config);
        Path base = baseDirectory(config);
        String name = config.selector(ExperimentSettings.SCOPE + ".name", Optional.of(SeedsExperiment.TYPE));
        config.selector(ExperimentSettings.SCOPE + ".type", Optional.of(SeedsExperiment.TYPE));
        Option<SeedsSettings> settings = errors.check(() -> SeedsExperiment.settings(config));
        Map<String, String> overrides = config.overrides();
        errors.checkNoUnknownKeys();
        List<ExperimentPlan.Seeds.SeedRun> runs = new ArrayList<>();
        for (long seed : settings.map(SeedsSettings::trainingSeeds).getOrElse(List.of())) {
            try {
                runs.add(new ExperimentPlan.Seeds.SeedRun(seed, plan(SeedsExperiment.member(settings.get(), base, overrides, seed))));
            }
            catch (InvalidSettingException e) {
                errors.add(SeedsExperiment.renamed(e, settings.get(), overrides));
                break;
            }
        }
        errors.throwIfAny();
        return new ExperimentPlan.Seeds(source(config, base, name, SeedsExperiment.TYPE), settings.get(), runs, writers(List.of("report.png")));
    }

    /**
     * One experiment file: every independent part read and checked, its errors collected
     * ({@link ConfigurationErrors}); a part that needs a failed one is skipped. While errors are
     * being collected after a bad {@code experiment.seed}, components are created with seed 0; such
     * a plan is never run.
     */
    ExperimentPlan.Single single(ExperimentConfiguration config)
    {
        ConfigurationErrors errors = new ConfigurationErrors(config);
        Path base = baseDirectory(config);
        Components components = this.components.get();
        errors.check(DistanceSettings.SCOPE, () -> DistanceSettings.from(config, registry.factories(FactoryKind.DISTANCE))).forEach(components::useDistanceSettings);
        Option<ExperimentSettings> settings = errors.check(
                () -> ExperimentSettings.parse(config.settings(ExperimentSettings.SCOPE, ExperimentSettings.SPECS)));
        RandomSource random = RandomSource.seeded(settings.map(ExperimentSettings::seed).getOrElse(0L));
        Option<String> environmentName = errors.check(() -> config.selector("environment", Optional.empty()));
        Option<TaskDistribution<?, ?>> distribution = errors.check("environment", () -> {
            EnvironmentFactory factory = components.environment("environment", environmentName.get());
            return components.create(factory, config.settings("environment", factory.settings()), random);
        }, environmentName);
        Option<List<NamedComparator>> comparators = comparators(config, errors, components, settings, random);
        Option<List<ReportWriter>> writers = errors.check(Components.REPORT_SCOPE,
                () -> components.reportWriters(config, ExperimentSettings.SCOPE + ".report_writers", settings.get().reportWriters(), random), settings);
        Option<ExperimentPlan.Common> common = errors.check(
                () -> new ExperimentPlan.Common(settings.get(), components, random, environmentName.get(), distribution.get(), comparators.get(), writers.get()),
                settings, environmentName, distribution, comparators, writers);
        boolean metaLearning = settings.map(ExperimentSettings::type).getOrElse(() -> config.value(ExperimentSettings.SCOPE + ".type").orElse("meta-learning").trim())
                .equals("meta-learning");
        Option<MetaLearningParts> parts = metaLearning ? Option.some(metaLearningParts(config, errors, base, components, settings, environmentName, distribution, random))
                : Option.none();
        errors.checkNoUnknownKeys();
        errors.throwIfAny();
        ExperimentPlan.Source source = source(config, base, settings.get().name(), settings.get().type());
        return parts.isEmpty() ? new ExperimentPlan.Evaluate(source, common.get()) : parts.get().plan(source, common.get());
    }

    /** Each comparator checked on its own (its keys {@code comparator.<name>.*} claimed if it fails). */
    private static Option<List<NamedComparator>> comparators(ExperimentConfiguration config, ConfigurationErrors errors, Components components,
            Option<ExperimentSettings> settings, RandomSource random)
    {
        List<Option<NamedComparator>> comparators = new ArrayList<>();
        for (String name : settings.map(ExperimentSettings::comparators).getOrElse(List.of())) {
            comparators.add(errors.check("comparator." + name, () -> {
                OptimalityComparatorFactory factory = components.comparator(ExperimentSettings.SCOPE + ".comparators", name);
                return new NamedComparator(name, components.create(factory, config.settings("comparator." + name, factory.settings()), random));
            }));
        }
        return settings.isEmpty() || comparators.stream().anyMatch(Option::isEmpty) ? Option.none() : Option.some(comparators.stream().map(Option::get).toList());
    }

    /** The meta-learning sections of a plan, each read (or skipped) independently; {@link #plan} assembles them once every part is valid. */
    private record MetaLearningParts(Option<MetaTrainSettings> train, Option<MethodOptimizers> optimizers, Option<MetaTestSettings> test, Option<Rounds> rounds,
            Option<PolicyFamily> family, Option<List<MethodSpec>> methods, Option<LearnerCatalog> learners, Option<ExecutionBackend> backend,
            Option<MapSettings> executionSettings)
    {
        ExperimentPlan.MetaLearning plan(ExperimentPlan.Source source, ExperimentPlan.Common common)
        {
            return new ExperimentPlan.MetaLearning(source, common, train.get(), optimizers.get(), test.get(), rounds.get(), family.get(), methods.get(), learners.get(),
                    backend.get(), executionSettings.get());
        }
    }

    private MetaLearningParts metaLearningParts(ExperimentConfiguration config, ConfigurationErrors errors, Path baseDirectory, Components components,
            Option<ExperimentSettings> settings, Option<String> environmentName, Option<TaskDistribution<?, ?>> distribution, RandomSource random)
    {
        Option<EstimationSettings> estimation = errors.check(
                () -> EstimationSettings.parse(config.settings(EstimationSettings.SCOPE, EstimationSettings.SPECS)));
        Option<MetaTrainSettings> train = errors.check(() -> MetaTrainSettings.parse(config.settings(MetaTrainSettings.SCOPE, MetaTrainSettings.SPECS)));
        errors.check(() -> checkPoolSize(train.get(), environmentName.get(), distribution.get()), train, environmentName, distribution);
        String optimizerKey = MetaTrainSettings.SCOPE + ".optimizer";
        Option<OuterOptimizerFactory> optimizer = errors.check(optimizerKey, () -> components.optimizer(optimizerKey, config.selector(optimizerKey, Optional.of(AdamFactory.NAME))));
        Option<OuterOptimizerSpec> experimentOptimizer = errors.check(optimizerKey,
                () -> components.create(optimizer.get(), config.settings(optimizerKey, optimizer.get().settings()), random), optimizer);
        Option<MetaTestSettings> test = errors.check(() -> MetaTestSettings.parse(config.settings(MetaTestSettings.SCOPE, MetaTestSettings.SPECS)));
        Option<Rounds> rounds = errors.check(() -> new Rounds(settings.get().mode(), estimation.get().episodes(), estimation.get().tdStep()),
                settings, estimation);
        Option<PolicyFamily> family = errors.check(List.of(ObservationFilterSection.SCOPE, SamplingSettings.SCOPE),
                () -> family(config, components, environmentName.get(), distribution.get(), rounds.get(), random, settings.get().threads()), environmentName, distribution,
                rounds, settings);
        Option<List<MethodSpec>> methods = errors.check(Methods.METHOD_SCOPE, () -> Methods.parse(config, components, baseDirectory));
        Option<MethodOptimizers> optimizers = errors.check(Methods.METHOD_SCOPE,
                () -> MethodOptimizers.parse(config, components, optimizer.get(), experimentOptimizer.get(), methods.get(), random), optimizer, experimentOptimizer, methods);
        Option<LearnerCatalog> learners = errors.check(
                () -> new LearnerCatalog(components, family.get(), methods.get(), distribution.get().testTasks().stream().map(Task::id).toList(), random), family, methods,
                distribution);
        String backendKey = "execution.backend";
        Option<ExecutionBackend> backend = errors.check("execution", () -> backend(backendKey, config.selector(backendKey, Optional.of(LocalExecutionBackend.NAME))));
        Option<MapSettings> executionSettings = errors.check("execution", () -> config.settings("execution", backend.get().settings()), backend);
        return new MetaLearningParts(train, optimizers, test, rounds, family, methods, learners, backend, executionSettings);
    }

    /**
     * A distribution that lists its training tasks is by default sampled without replacement (spec
     * §3.1, {@link TaskDistribution#sampleTrainTasks}): B distinct tasks per iteration, so B above
     * {@link TaskDistribution#maxTasksPerIteration} cannot be honoured and is refused instead of
     * silently clamped.
     */
    private static MetaTrainSettings checkPoolSize(MetaTrainSettings train, String environmentName, TaskDistribution<?, ?> distribution)
    {
        int pool = distribution.maxTasksPerIteration();
        if (train.tasksPerIteration() > pool) {
            throw new InvalidSettingException(MetaTrainSettings.SCOPE + ".tasks_per_iteration = " + train.tasksPerIteration() + " exceeds the " + pool
                    + " training tasks of environment = " + environmentName + " (tasks are drawn without replacement); valid: 1 to " + pool);
        }
        return train;
    }

    /** The execution backend named {@code name}: one of those bound in the injector ({@code local} and those on the class path). */
    private ExecutionBackend backend(String key, String name)
    {
        ExecutionBackend backend = backends.get(name);
        if (backend == null) {
            throw new InvalidSettingException(key + " = '" + name + "' is not an available execution backend; valid: " + String.join(", ", backends.keySet()));
        }
        return backend;
    }

    /** Tabular softmax when the tasks have exact tabular models; otherwise the policy class named by {@code policy} on the sampling settings. */
    private static PolicyFamily family(ExperimentConfiguration config, Components components, String environmentName, TaskDistribution<?, ?> distribution, Rounds rounds, RandomSource random,
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
    static TaskDistribution<Integer, Integer> tabular(String name, TaskDistribution<?, ?> distribution)
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
        return components.get().reportWriters(ExperimentConfiguration.ofOverrides(Map.of()), ExperimentSettings.SCOPE + ".report_writers", names, RandomSource.seeded(0));
    }
}
