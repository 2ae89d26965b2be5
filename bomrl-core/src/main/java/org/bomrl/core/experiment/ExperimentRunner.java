package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.report.Figure;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.exec.ExecutionBackend;
import org.bomrl.core.exec.RunDescription;
import org.bomrl.core.run.Provenance;
import org.bomrl.core.run.RunDirectory;
import org.bomrl.core.run.TrainingProgress;
import org.bomrl.core.train.MetaTrainer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs an experiment file: has it read into an {@link ExperimentPlan} ({@link ExperimentPlanner};
 * every unknown key and invalid value reported before anything runs), creates the run directory,
 * writes the effective configuration and provenance, runs the plan and writes its results and
 * figures. Stateless (each plan carries its own components), so training seeds run at once through
 * one runner.
 */
public final class ExperimentRunner
{
    private final ExperimentPlanner planner;

    @Inject
    public ExperimentRunner(ExperimentPlanner planner)
    {
        this.planner = planner;
    }

    /** Runs {@code config} into {@code out} (a new directory); returns the run directory. */
    public Path run(ExperimentConfiguration config, Path out, PrintStream progress, MetaTrainer.Listener listener)
    {
        return execute(planner.plan(config), () -> RunDirectory.create(out), progress, listener);
    }

    /**
     * Reads and checks {@code config} completely (a suite or seeds experiment: every member) without
     * running anything; returns the effective configuration.
     */
    public Map<String, String> check(ExperimentConfiguration config)
    {
        return planner.plan(config).source().effective();
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
        return execute(planner.plan(config), () -> directory, progress, listener);
    }

    /** The run directory {@code runs/<name>} for a configuration (without creating it). */
    public static Path defaultDirectory(ExperimentConfiguration config)
    {
        String name = config.value(ExperimentSettings.SCOPE + ".name").orElse("experiment").trim();
        return Path.of("runs", name.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** Runs {@code plan} into the directory {@code directorySupplier} gives (created or opened only now, after the plan passed). */
    private Path execute(ExperimentPlan plan, Supplier<RunDirectory> directorySupplier, PrintStream progress, MetaTrainer.Listener listener)
    {
        RunDirectory directory = directorySupplier.get();
        directory.writeConfiguration(plan.source().effective(), plan.source().effectiveSources());
        if (plan instanceof ExperimentPlan.Suite suite) {
            runSuite(suite, directory, progress, listener);
        }
        else if (plan instanceof ExperimentPlan.Seeds seeds) {
            ExperimentOutcome outcome = SeedsExperiment.run(seeds, directory, (member, memberDirectory) -> runMember(member, memberDirectory, progress, listener), progress);
            render(outcome.figures(), seeds.writers(), directory);
        }
        else {
            runSingle((ExperimentPlan.Single) plan, directory, progress, listener);
        }
        return directory.path();
    }

    /** A member of a suite or a seeds experiment into {@code directory}: continued there if it was started (its own checked configuration), else run. */
    private Path runMember(ExperimentPlan member, Path directory, PrintStream progress, MetaTrainer.Listener listener)
    {
        return Files.isRegularFile(directory.resolve(RunDirectory.CONFIG))
                ? resume(directory, progress, listener)
                : execute(member, () -> RunDirectory.create(directory), progress, listener);
    }

    private void runSuite(ExperimentPlan.Suite suite, RunDirectory directory, PrintStream progress, MetaTrainer.Listener listener)
    {
        ExperimentOutcome outcome = SuiteExperiment.run(suite, directory, (member, memberDirectory) -> {
            progress.println("suite " + suite.source().name() + ": " + memberDirectory.getFileName());
            return runMember(member, memberDirectory, progress, listener);
        });
        outcome.summary().put("experiment", suite.source().name());
        outcome.summary().put("type", SuiteExperiment.TYPE);
        directory.writeJson(RunDirectory.SUMMARY, outcome.summary());
        render(outcome.figures(), suite.writers(), directory);
    }

    private void runSingle(ExperimentPlan.Single plan, RunDirectory directory, PrintStream progress, MetaTrainer.Listener listener)
    {
        ExperimentPlan.Common common = plan.common();
        writeProvenance(directory, common);
        ExperimentOutcome outcome;
        if (plan instanceof ExperimentPlan.MetaLearning metaLearning) {
            ExperimentPlan.Source source = plan.source();
            RunDescription run = new RunDescription(source.effective(), source.baseDirectory(), planHash(source.effective()));
            try (ExecutionBackend.Execution execution = metaLearning.backend().open(metaLearning.executionSettings(), run, common.distribution(), metaLearning.learners(),
                    common.settings().threads())) {
                outcome = new MetaLearningExperiment(common.distribution(), metaLearning.family(), metaLearning.methods(), common.comparators(), metaLearning.train(),
                        metaLearning.optimizers(), metaLearning.test(), metaLearning.rounds(), execution, metaLearning.learners(), common.random(), directory, progress, listener)
                        .run();
            }
        }
        else {
            outcome = EvaluateExperiment.run(ExperimentPlanner.tabular(common.environmentName(), common.distribution()).testTasks(), common.comparators(), directory, progress);
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
    }

    /** Written when the run starts and again at its end, when every component it created is known. */
    private static void writeProvenance(RunDirectory directory, ExperimentPlan.Common plan)
    {
        directory.writeJson(RunDirectory.PROVENANCE, Provenance.of(plan.settings().seed(), plan.components().used(), Map.of(plan.environmentName(), plan.distribution().fingerprint())));
    }

    /**
     * The learners and tasks of the run {@code run} describes, rebuilt from its effective
     * configuration (as a cluster member does); nothing is written.
     */
    public RebuiltRun rebuild(RunDescription run)
    {
        ExperimentConfiguration config = ExperimentConfiguration.ofOverrides(run.configuration());
        config.selector(ExperimentSettings.SCOPE + ".base_directory", Optional.of(run.baseDirectory().toString()));
        ExperimentPlan.Single plan = planner.single(config);
        String hash = planHash(plan.source().effective());
        if (!hash.equals(run.planHash())) {
            throw new IllegalStateException("the rebuilt plan differs from the driver's (hash " + hash + " vs " + run.planHash() + "): different bomrl or plugin versions?");
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
