package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bomrl.api.report.Figure;
import org.bomrl.api.report.Series;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.run.RunDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A suite ({@code experiment.type = suite}): runs every experiment file listed in
 * {@code suite.experiments} (paths relative to the suite file) into a sub-directory named after
 * it, with the suite's {@code --set} overrides applied to each, then writes {@code combined.csv}
 * (every panel, method and step), a combined {@code summary.json} and a combined gap figure.
 * Resuming a suite skips finished members and resumes the interrupted one. Every key of the suite
 * file outside {@code suite.*} and {@code experiment.name|type|base_directory} is handed on to the
 * members like an override, so a resumed suite hands on what the first run did. Members must be
 * distinct files with distinct file names, and none may be a suite itself (so a suite can list
 * neither itself nor another suite) or a seeds experiment.
 */
final class SuiteExperiment
{
    static final String TYPE = "suite";

    static final List<SettingSpec> SPECS = List.of(SettingSpec.required("experiments", SettingType.LIST, "experiment files of the suite, relative to the suite file"));

    private SuiteExperiment() {}

    /**
     * The member files of a suite, resolved against {@code baseDirectory} and checked: at least one,
     * each an existing file, none listed twice, no two with one file name (they would share a
     * directory), none the suite itself, none a suite and none a seeds experiment.
     */
    static List<Path> members(List<String> files, String suiteFile, Path baseDirectory)
    {
        if (files.isEmpty()) {
            throw new InvalidSettingException(suiteFile + ": suite.experiments is empty");
        }
        Path self = Path.of(suiteFile).toAbsolutePath().normalize();
        Map<String, String> byName = new LinkedHashMap<>();
        List<Path> members = new ArrayList<>();
        for (String file : files) {
            Path path = baseDirectory.resolve(file).toAbsolutePath().normalize();
            if (path.equals(self)) {
                throw new InvalidSettingException(suiteFile + ": suite.experiments lists the suite itself ('" + file + "'); a suite lists experiment files");
            }
            if (members.contains(path)) {
                throw new InvalidSettingException(suiteFile + ": suite.experiments lists '" + file + "' twice");
            }
            String previous = byName.putIfAbsent(memberName(path), file);
            if (previous != null) {
                throw new InvalidSettingException(suiteFile + ": suite.experiments members '" + previous + "' and '" + file + "' have the same file name "
                        + path.getFileName() + "; their results would share one directory: rename one");
            }
            ExperimentConfiguration member = ExperimentConfiguration.load(path, Map.of());
            String type = member.value(ExperimentSettings.SCOPE + ".type").map(String::trim).orElse("");
            if (type.equals(TYPE)) {
                throw new InvalidSettingException(suiteFile + ": suite.experiments member '" + file + "' is itself a suite; suites cannot be nested");
            }
            if (type.equals(SeedsExperiment.TYPE)) {
                throw new InvalidSettingException(suiteFile + ": suite.experiments member '" + file
                        + "' is a seeds experiment; a suite lists meta-learning or evaluate experiments (a seeds experiment may run a suite instead)");
            }
            members.add(path);
        }
        return members;
    }

    /** A member's directory name: its file name without {@code .properties}. */
    static String memberName(Path path)
    {
        return path.getFileName().toString().replaceFirst("\\.properties$", "");
    }

    /** Runs (or resumes) one member: (member plan, member directory) → directory. */
    interface Member
    {
        Path run(ExperimentPlan.Single plan, Path directory);
    }

    /** Runs every member without a summary yet (in order), then combines the members' summaries. */
    static ExperimentOutcome run(ExperimentPlan.Suite suite, RunDirectory directory, Member member)
    {
        Map<String, JsonNode> summaries = new LinkedHashMap<>();
        for (ExperimentPlan.Suite.Member planned : suite.members()) {
            Path memberDirectory = directory.path().resolve(planned.name());
            try {
                if (!Files.isRegularFile(memberDirectory.resolve(RunDirectory.SUMMARY))) {
                    member.run(planned.plan(), memberDirectory);
                }
                summaries.put(planned.name(), RunDirectory.json().readTree(memberDirectory.resolve(RunDirectory.SUMMARY).toFile()));
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read the summary of suite member " + planned.name(), e);
            }
        }
        return combine(summaries, directory);
    }

    private static ExperimentOutcome combine(Map<String, JsonNode> summaries, RunDirectory directory)
    {
        Csv csv = new Csv(List.of("experiment", "method", "label", "step", "mean_return", "std_return", "mean_gap_all_task_optimum", "bound_line"));
        ObjectNode combined = RunDirectory.newObject();
        ObjectNode members = combined.putObject("experiments");
        List<String> categories = summaries.keySet().stream().map(name -> name.replace("-variance", "")).toList();
        Map<String, double[]> gapSeries = new LinkedHashMap<>();
        double[] bounds = new double[categories.size()];
        java.util.Arrays.fill(bounds, Double.NaN);
        int panel = 0;
        for (Map.Entry<String, JsonNode> entry : summaries.entrySet()) {
            members.set(entry.getKey(), entry.getValue());
            JsonNode methods = entry.getValue().path("methods");
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = methods.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> method = it.next();
                JsonNode steps = method.getValue().get("steps");
                double bound = method.getValue().path("boundLine").asDouble(Double.NaN);
                if (!Double.isNaN(bound)) {
                    bounds[panel] = bound;
                }
                for (JsonNode step : steps) {
                    double gap = step.path("meanGap").path("compare.all-task-optimum").asDouble(Double.NaN);
                    csv.row(entry.getKey(), method.getKey(), method.getValue().get("label").asText(), step.get("step").asInt(), step.get("meanReturn").asDouble(),
                            step.get("stdReturn").asDouble(), gap, bound);
                }
                if (steps.size() > 1) {
                    String label = method.getKey() + " step 1";
                    gapSeries.computeIfAbsent(label, key -> filled(categories.size()))[panel] = steps.get(1).path("meanGap").path("compare.all-task-optimum").asDouble(Double.NaN);
                    double[] prior = gapSeries.computeIfAbsent("first method's prior (step 0)", key -> filled(categories.size()));
                    if (Double.isNaN(prior[panel])) {
                        prior[panel] = steps.get(0).path("meanGap").path("compare.all-task-optimum").asDouble(Double.NaN);
                    }
                }
            }
            panel++;
        }
        directory.write("combined.csv", csv.toString());
        double[] x = new double[categories.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        List<Series> series = new ArrayList<>();
        gapSeries.forEach((label, values) -> series.add(new Series(label, x, values, new double[x.length])));
        if (java.util.Arrays.stream(bounds).anyMatch(value -> !Double.isNaN(value))) {
            series.add(new Series("bound (spec §4 recipe)", x, bounds, new double[x.length]));
        }
        Figure figure = new Figure("gaps-all", "Optimality gap vs the all-task optimum, every experiment", "experiment", "gap", Figure.Kind.BAR, categories, series, List.of());
        return new ExperimentOutcome(combined, List.of(figure));
    }

    private static double[] filled(int length)
    {
        double[] values = new double[length];
        java.util.Arrays.fill(values, Double.NaN);
        return values;
    }
}
