package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.config.SettingKeys;
import org.bomrl.core.run.RunDirectory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A training-seeds experiment ({@code experiment.type = seeds}, issue "one seed is not a result"):
 * runs the meta-learning experiment or suite {@code seeds.experiment} once per training seed s
 * (with the {@code seeds.member.<key>} settings as {@code key} overrides, the seeds file's
 * {@code --set} overrides outside {@code seeds.*} above them, and {@code experiment.seed = s}, so
 * meta-training and meta-test streams both derive from s) into {@code seed-<s>/}, each with its
 * ordinary results, then hands the finished runs to {@link ComparisonReport}. Up to
 * {@code seeds.parallel} seeds run at once; each seed's results depend only on its seed, and the
 * report reduces them in the order of {@code seeds.training_seeds}, so the files are identical
 * whatever the parallelism and thread counts. Resuming skips finished seeds and resumes the
 * interrupted ones.
 */
final class SeedsExperiment
{
    static final String TYPE = "seeds";

    /** Runs (or resumes) one seed's experiment: (member plan, member directory) → directory. */
    interface Member
    {
        Path run(ExperimentPlan plan, Path directory);
    }

    private SeedsExperiment() {}

    static boolean isSeeds(ExperimentConfiguration config)
    {
        return config.value(ExperimentSettings.SCOPE + ".type").map(String::trim).filter(TYPE::equals).isPresent();
    }

    /** Reads the seeds section, claiming its keys and its {@code seeds.member.*} settings. */
    static SeedsSettings settings(ExperimentConfiguration config)
    {
        String memberPrefix = SeedsSettings.SCOPE + "." + SeedsSettings.MEMBER + ".";
        Map<String, String> memberSettings = new LinkedHashMap<>();
        for (String key : config.keysUnder(SeedsSettings.SCOPE + "." + SeedsSettings.MEMBER)) {
            memberSettings.put(key.substring(memberPrefix.length()), config.selector(key, Optional.empty()));
        }
        return SeedsSettings.parse(config.settings(SeedsSettings.SCOPE, SeedsSettings.SPECS), memberSettings);
    }

    /** Seed {@code seed}'s configuration of the member experiment (not yet read), refused if it is a seeds experiment itself. */
    static ExperimentConfiguration member(SeedsSettings settings, Path baseDirectory, Map<String, String> overrides, long seed)
    {
        ExperimentConfiguration member = ExperimentConfiguration.load(memberFile(settings, baseDirectory), memberOverrides(settings, overrides, seed));
        if (isSeeds(member)) {
            throw new InvalidSettingException("seeds.experiment = " + settings.experiment() + " is itself a seeds experiment; name a meta-learning experiment or a suite");
        }
        return member;
    }

    /** A member's error with the keys the seeds file gave as {@code seeds.member.<key>} named so. */
    static InvalidSettingException renamed(InvalidSettingException error, SeedsSettings settings, Map<String, String> overrides)
    {
        String memberPrefix = SeedsSettings.SCOPE + "." + SeedsSettings.MEMBER + ".";
        InvalidSettingException named = error;
        for (String key : settings.memberSettings().keySet()) {
            if (!overrides.containsKey(key)) {
                named = SettingKeys.renamed(named, key, memberPrefix + key);
            }
        }
        return named;
    }

    /** Runs every seed not yet finished, then writes the comparison report and the summary into the directory. */
    static ExperimentOutcome run(ExperimentPlan.Seeds plan, RunDirectory directory, Member member, PrintStream progress)
    {
        SeedsSettings settings = plan.settings();
        String name = plan.source().name();
        List<Path> seedDirectories = new ArrayList<>();
        List<Future<Path>> pending = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallel(), runnable -> {
            Thread thread = new Thread(runnable, "bomrl-seed");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (ExperimentPlan.Seeds.SeedRun run : plan.runs()) {
                Path seedDirectory = directory.path().resolve("seed-" + run.seed());
                seedDirectories.add(seedDirectory);
                if (Files.isRegularFile(seedDirectory.resolve(RunDirectory.SUMMARY))) {
                    continue;
                }
                pending.add(pool.submit(() -> {
                    progress.println("seeds " + name + ": training seed " + run.seed() + " → " + seedDirectory.getFileName());
                    return member.run(run.plan(), seedDirectory);
                }));
            }
            for (Future<Path> run : pending) {
                await(run);
            }
        }
        finally {
            pool.shutdownNow();
        }
        Map<Long, JsonNode> summaries = new LinkedHashMap<>();
        for (int i = 0; i < seedDirectories.size(); i++) {
            summaries.put(settings.trainingSeeds().get(i), readSummary(seedDirectories.get(i)));
        }
        ExperimentOutcome outcome = new ComparisonReport(settings, seedDirectories, summaries, directory).write();
        outcome.summary().put("experiment", name);
        outcome.summary().put("type", TYPE);
        directory.writeJson(RunDirectory.SUMMARY, outcome.summary());
        return outcome;
    }

    private static Path memberFile(SeedsSettings settings, Path baseDirectory)
    {
        Path file = baseDirectory.resolve(settings.experiment()).normalize();
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingException("seeds.experiment = " + settings.experiment() + ": no such experiment file (" + file + ")");
        }
        return file;
    }

    /**
     * {@code seeds.member.*} settings, then the seeds run's overrides outside its own {@code seeds.*}
     * section on top, then {@code experiment.seed = seed}.
     */
    private static Map<String, String> memberOverrides(SeedsSettings settings, Map<String, String> overrides, long seed)
    {
        Map<String, String> result = new LinkedHashMap<>(settings.memberSettings());
        overrides.forEach((key, value) -> {
            if (!key.startsWith(SeedsSettings.SCOPE + ".")) {
                result.put(key, value);
            }
        });
        result.put(ExperimentSettings.SCOPE + ".seed", Long.toString(seed));
        return result;
    }

    private static void await(Future<Path> run)
    {
        try {
            run.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a training seed's run", e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a training seed's run failed", e.getCause());
        }
    }

    private static JsonNode readSummary(Path seedDirectory)
    {
        try {
            return RunDirectory.json().readTree(seedDirectory.resolve(RunDirectory.SUMMARY).toFile());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the summary of " + seedDirectory, e);
        }
    }
}
