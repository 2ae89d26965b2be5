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
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    /** Runs (or resumes) one seed's experiment: (member configuration, member directory) → directory. */
    interface Member
    {
        Path run(ExperimentConfiguration member, Path directory);
    }

    /** The seeds run's directory and its comparison outcome (summary already written). */
    record Finished(RunDirectory directory, ExperimentOutcome outcome) {}

    private SeedsExperiment() {}

    static boolean isSeeds(ExperimentConfiguration config)
    {
        return config.value(ExperimentSettings.SCOPE + ".type").map(String::trim).filter(TYPE::equals).isPresent();
    }

    /**
     * Reads the seeds section (claiming its keys), checks that no other key is given, and checks the
     * member experiment with the first seed; nothing runs.
     */
    static SeedsSettings check(ExperimentConfiguration config, Path baseDirectory, Consumer<ExperimentConfiguration> checkMember)
    {
        config.selector(ExperimentSettings.SCOPE + ".name", Optional.of("seeds"));
        config.selector(ExperimentSettings.SCOPE + ".type", Optional.of(TYPE));
        String memberPrefix = SeedsSettings.SCOPE + "." + SeedsSettings.MEMBER + ".";
        Map<String, String> memberSettings = new LinkedHashMap<>();
        for (String key : config.keysUnder(SeedsSettings.SCOPE + "." + SeedsSettings.MEMBER)) {
            memberSettings.put(key.substring(memberPrefix.length()), config.selector(key, Optional.empty()));
        }
        SeedsSettings settings = SeedsSettings.parse(config.settings(SeedsSettings.SCOPE, SeedsSettings.SPECS), memberSettings);
        Map<String, String> overrides = config.overrides();
        config.checkNoUnknownKeys();
        Path file = memberFile(settings, baseDirectory);
        ExperimentConfiguration member = ExperimentConfiguration.load(file, memberOverrides(settings, overrides, settings.trainingSeeds().get(0)));
        if (isSeeds(member)) {
            throw new InvalidSettingException("seeds.experiment = " + settings.experiment() + " is itself a seeds experiment; name a meta-learning experiment or a suite");
        }
        try {
            checkMember.accept(member);
        }
        catch (InvalidSettingException e) {
            InvalidSettingException named = e;
            for (String key : settings.memberSettings().keySet()) {
                if (!overrides.containsKey(key)) {
                    named = SettingKeys.renamed(named, key, memberPrefix + key);
                }
            }
            throw named;
        }
        return settings;
    }

    /** Runs every seed not yet finished, then writes the comparison report and the summary into the directory. */
    static Finished run(ExperimentConfiguration config, Path baseDirectory, Supplier<RunDirectory> directorySupplier,
            Consumer<ExperimentConfiguration> checkMember, Member member, PrintStream progress)
    {
        SeedsSettings settings = check(config, baseDirectory, checkMember);
        String name = config.value(ExperimentSettings.SCOPE + ".name").orElse("seeds").trim();
        Map<String, String> overrides = config.overrides();
        Path file = memberFile(settings, baseDirectory);
        RunDirectory directory = directorySupplier.get();
        directory.writeConfiguration(config.effective(), config.effectiveSources());
        List<Path> seedDirectories = new ArrayList<>();
        List<Future<Path>> pending = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallel(), runnable -> {
            Thread thread = new Thread(runnable, "bomrl-seed");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (long seed : settings.trainingSeeds()) {
                Path seedDirectory = directory.path().resolve("seed-" + seed);
                seedDirectories.add(seedDirectory);
                if (Files.isRegularFile(seedDirectory.resolve(RunDirectory.SUMMARY))) {
                    continue;
                }
                ExperimentConfiguration memberConfig = ExperimentConfiguration.load(file, memberOverrides(settings, overrides, seed));
                pending.add(pool.submit(() -> {
                    progress.println("seeds " + name + ": training seed " + seed + " → " + seedDirectory.getFileName());
                    return member.run(memberConfig, seedDirectory);
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
        return new Finished(directory, outcome);
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
