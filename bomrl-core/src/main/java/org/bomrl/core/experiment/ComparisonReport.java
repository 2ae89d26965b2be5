package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.report.Band;
import org.bomrl.api.report.Figure;
import org.bomrl.api.report.Series;
import org.bomrl.core.run.RunDirectory;
import org.bomrl.numerics.stats.BootstrapInterval;
import org.bomrl.numerics.stats.ConfidenceInterval;
import org.bomrl.numerics.stats.InterquartileMean;
import org.bomrl.numerics.stats.PairedPermutationTest;
import org.bomrl.numerics.stats.RepetitionStatistics;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The comparison over training seeds: methods × training seeds × test tasks, per panel (a suite
 * member, or the one experiment). Each seed contributes its repetition-averaged task-mean return
 * and optimality gap per comparator at every adaptation step (its {@code summary.json}) and its
 * repetition-averaged per-task values ({@code meta-test.csv}). Over the n seeds it reports the
 * mean, the sample standard deviation, the {@link BootstrapInterval percentile bootstrap interval}
 * of the mean (B = {@code seeds.resamples}) and the {@link InterquartileMean interquartile mean};
 * for the reference method against every other method, the paired difference (reference −
 * other; for gaps, negative favours the reference), its bootstrap interval and the two-sided
 * {@link PairedPermutationTest paired sign-flip permutation} p-value over seeds (exact when
 * 2ⁿ ≤ B); and the sample budget of each method (episodes per meta-iteration, from each run's
 * effective configuration: one round with π_φ and one with π_θ per task, spec §3.1, §3.5), with a
 * check that every meta-trained method of a panel has the same one. Every random stream is
 * addressed by (panel, measure, step) (and task, or compared method), so the files depend only on
 * the seed list and the statistics settings, and all methods of a panel are resampled with the
 * same seed indices (equal values across seeds give equal intervals). Writes {@code seeds.csv}, {@code per-seed.csv}, {@code per-task.csv},
 * {@code significance.csv}, {@code budget.csv} and the summary; figures: return (and the first
 * comparator's gap) vs step with the interval as a band, per panel.
 */
final class ComparisonReport
{
    private static final String RETURN = "return";
    private static final String GAP = "gap_";

    private final SeedsSettings settings;
    private final List<Path> seedDirectories;
    private final Map<Long, JsonNode> summaries;
    private final RunDirectory directory;
    private final RandomSource statistics;

    ComparisonReport(SeedsSettings settings, List<Path> seedDirectories, Map<Long, JsonNode> summaries, RunDirectory directory)
    {
        this.settings = settings;
        this.seedDirectories = seedDirectories;
        this.summaries = summaries;
        this.directory = directory;
        this.statistics = RandomSource.seeded(settings.statisticsSeed());
    }

    ExperimentOutcome write()
    {
        Csv table = new Csv(List.of("panel", "method", "label", "measure", "step", "seeds", "mean", "std", "ci_lower", "ci_upper", "iqm"));
        Csv perSeed = new Csv(List.of("panel", "method", "measure", "step", "seed", "value"));
        Csv perTask = new Csv(List.of("panel", "method", "task", "measure", "step", "mean", "ci_lower", "ci_upper"));
        Csv significance = new Csv(List.of("panel", "reference", "method", "measure", "step", "mean_difference", "ci_lower", "ci_upper", "p_value"));
        Csv budget = new Csv(List.of("panel", "method", "prior", "meta_trained", "meta_iterations", "tasks_per_iteration", "episodes_per_task", "episodes_per_iteration"));
        ObjectNode summary = RunDirectory.newObject();
        ArrayNode seedsNode = summary.putArray("trainingSeeds");
        settings.trainingSeeds().forEach(seedsNode::add);
        summary.put("resamples", settings.resamples());
        summary.put("confidence", settings.confidence());
        summary.put("statisticsSeed", settings.statisticsSeed());
        summary.put("interval", "percentile bootstrap of the mean over training seeds");
        summary.put("significance", "two-sided paired sign-flip permutation test over training seeds (exact when 2^n <= resamples)");
        ObjectNode panelsNode = summary.putObject("panels");
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, List<Path>> panel : panels().entrySet()) {
            Panel data = Panel.read(panel.getKey(), panel.getValue());
            ObjectNode panelNode = panelsNode.putObject(panel.getKey());
            RandomSource stream = statistics.derive(panel.getKey());
            ObjectNode methodsNode = panelNode.putObject("methods");
            Map<String, Map<String, Stat[]>> stats = new LinkedHashMap<>();
            for (Map.Entry<String, MethodData> method : data.methods.entrySet()) {
                ObjectNode methodNode = methodsNode.putObject(method.getKey());
                methodNode.put("label", method.getValue().label);
                ObjectNode measuresNode = methodNode.putObject("measures");
                Map<String, Stat[]> byMeasure = new LinkedHashMap<>();
                for (Map.Entry<String, double[][]> measure : method.getValue().values.entrySet()) {
                    double[][] bySeed = measure.getValue();
                    Stat[] steps = new Stat[bySeed[0].length];
                    ArrayNode stepsNode = measuresNode.putArray(measure.getKey());
                    for (int k = 0; k < steps.length; k++) {
                        double[] values = column(bySeed, k);
                        steps[k] = stat(values, stream.derive("bootstrap").derive(measure.getKey()).derive(k));
                        table.row(panel.getKey(), method.getKey(), method.getValue().label, measure.getKey(), k, values.length, steps[k].mean, steps[k].std,
                                steps[k].interval.lower(), steps[k].interval.upper(), steps[k].iqm);
                        ObjectNode stepNode = stepsNode.addObject();
                        stepNode.put("step", k);
                        stepNode.put("mean", steps[k].mean);
                        stepNode.put("std", steps[k].std);
                        stepNode.put("ciLower", steps[k].interval.lower());
                        stepNode.put("ciUpper", steps[k].interval.upper());
                        stepNode.put("iqm", steps[k].iqm);
                        ArrayNode seedValues = stepNode.putArray("perSeed");
                        for (int s = 0; s < values.length; s++) {
                            seedValues.add(values[s]);
                            perSeed.row(panel.getKey(), method.getKey(), measure.getKey(), k, settings.trainingSeeds().get(s), values[s]);
                        }
                    }
                    byMeasure.put(measure.getKey(), steps);
                }
                stats.put(method.getKey(), byMeasure);
                ObjectNode tasksNode = methodNode.putObject("perTask");
                for (Map.Entry<String, Map<String, double[][]>> task : method.getValue().tasks.entrySet()) {
                    ObjectNode taskNode = tasksNode.putObject(task.getKey());
                    for (Map.Entry<String, double[][]> measure : task.getValue().entrySet()) {
                        ArrayNode stepsNode = taskNode.putArray(measure.getKey());
                        for (int k = 0; k < measure.getValue()[0].length; k++) {
                            double[] values = column(measure.getValue(), k);
                            Stat stat = stat(values, stream.derive("per-task").derive(task.getKey()).derive(measure.getKey()).derive(k));
                            perTask.row(panel.getKey(), method.getKey(), task.getKey(), measure.getKey(), k, stat.mean, stat.interval.lower(), stat.interval.upper());
                            stepsNode.addObject().put("step", k).put("mean", stat.mean).put("ciLower", stat.interval.lower()).put("ciUpper", stat.interval.upper());
                        }
                    }
                }
            }
            significance(panel.getKey(), data, stream, significance, panelNode.putArray("significance"));
            budget(panel.getKey(), data, budget, panelNode.putObject("budget"));
            figures.addAll(figures(panel.getKey(), data, stats));
        }
        directory.write("seeds.csv", table.toString());
        directory.write("per-seed.csv", perSeed.toString());
        directory.write("per-task.csv", perTask.toString());
        directory.write("significance.csv", significance.toString());
        directory.write("budget.csv", budget.toString());
        return new ExperimentOutcome(summary, figures);
    }

    /** Panel name → its run directory under each seed (in seed order); every seed must have the same panels. */
    private Map<String, List<Path>> panels()
    {
        Map<String, List<Path>> panels = new LinkedHashMap<>();
        List<String> first = null;
        int index = 0;
        for (Map.Entry<Long, JsonNode> seed : summaries.entrySet()) {
            Path seedDirectory = seedDirectories.get(index++);
            JsonNode summary = seed.getValue();
            List<String> names = new ArrayList<>();
            if ("suite".equals(summary.path("type").asText())) {
                summary.path("experiments").fieldNames().forEachRemaining(names::add);
                names.forEach(name -> panels.computeIfAbsent(name, key -> new ArrayList<>()).add(seedDirectory.resolve(name)));
            }
            else {
                String name = summary.path("experiment").asText("experiment");
                names.add(name);
                panels.computeIfAbsent(name, key -> new ArrayList<>()).add(seedDirectory);
            }
            if (first == null) {
                first = names;
            }
            else if (!first.equals(names)) {
                throw new IllegalStateException("training seed " + seed.getKey() + " ran the experiments " + names + ", the first seed " + first);
            }
        }
        return panels;
    }

    private Stat stat(double[] values, RandomSource random)
    {
        double[][] asRows = new double[values.length][];
        for (int s = 0; s < values.length; s++) {
            asRows[s] = new double[] {values[s]};
        }
        return new Stat(RepetitionStatistics.mean(asRows)[0], RepetitionStatistics.sampleStandardDeviation(asRows)[0],
                BootstrapInterval.ofMean(values, settings.resamples(), settings.confidence(), random), InterquartileMean.of(values));
    }

    private void significance(String panel, Panel data, RandomSource stream, Csv csv, ArrayNode node)
    {
        String reference = settings.referenceMethod().filter(data.methods::containsKey).orElse(data.methods.keySet().iterator().next());
        MethodData base = data.methods.get(reference);
        for (Map.Entry<String, MethodData> other : data.methods.entrySet()) {
            if (other.getKey().equals(reference)) {
                continue;
            }
            for (Map.Entry<String, double[][]> measure : base.values.entrySet()) {
                double[][] theirs = other.getValue().values.get(measure.getKey());
                if (theirs == null) {
                    continue;
                }
                int steps = Math.min(measure.getValue()[0].length, theirs[0].length);
                for (int k = 0; k < steps; k++) {
                    double[] ours = column(measure.getValue(), k);
                    double[] baseline = column(theirs, k);
                    double[] difference = new double[ours.length];
                    for (int s = 0; s < ours.length; s++) {
                        difference[s] = ours[s] - baseline[s];
                    }
                    RandomSource address = stream.derive("paired").derive(other.getKey()).derive(measure.getKey()).derive(k);
                    Stat stat = stat(difference, address.derive("bootstrap"));
                    double p = PairedPermutationTest.twoSidedPValue(ours, baseline, settings.resamples(), address.derive("permutation"));
                    csv.row(panel, reference, other.getKey(), measure.getKey(), k, stat.mean, stat.interval.lower(), stat.interval.upper(), p);
                    node.addObject().put("reference", reference).put("method", other.getKey()).put("measure", measure.getKey()).put("step", k)
                            .put("meanDifference", stat.mean).put("ciLower", stat.interval.lower()).put("ciUpper", stat.interval.upper()).put("pValue", p);
                }
            }
        }
    }

    /** Episodes per meta-iteration from the first seed's effective configuration (seeds do not change it). */
    private static void budget(String panel, Panel data, Csv csv, ObjectNode node)
    {
        Properties config = data.configuration;
        int iterations = Integer.parseInt(config.getProperty("meta_train.iterations", "0").trim());
        int tasks = Integer.parseInt(config.getProperty("meta_train.tasks_per_iteration", "0").trim());
        long perTask;
        String protocol;
        if (config.containsKey("sampling.episodes")) {
            perTask = Long.parseLong(config.getProperty("sampling.episodes").trim()) + Long.parseLong(config.getProperty("sampling.post_episodes", "0").trim());
            protocol = "sampling.episodes with the prior + sampling.post_episodes with the adapted policy, per task";
        }
        else if ("exact".equals(config.getProperty("experiment.mode", "estimated").trim())) {
            perTask = 0;
            protocol = "exact mode: no samples (exact Q, ν and gradients from the task models)";
        }
        else {
            perTask = 2 * Long.parseLong(config.getProperty("estimation.episodes", "0").trim());
            protocol = "estimation.episodes with the prior + estimation.episodes with the adapted policy, per task";
        }
        Long trainedBudget = null;
        boolean equal = true;
        ObjectNode methods = node.putObject("methods");
        for (String method : data.methods.keySet()) {
            String prior = config.getProperty("method." + method + ".prior", "trained").trim();
            boolean trained = prior.equals("trained");
            long perIteration = trained ? perTask * tasks : 0;
            if (trained) {
                equal &= trainedBudget == null || trainedBudget == perIteration;
                trainedBudget = trainedBudget == null ? perIteration : trainedBudget;
            }
            csv.row(panel, method, prior, trained, trained ? iterations : 0, trained ? tasks : 0, trained ? perTask : 0, perIteration);
            methods.putObject(method).put("prior", prior).put("metaTrained", trained).put("episodesPerIteration", perIteration)
                    .put("note", trained ? "meta-trained, " + iterations + " iterations" : prior.startsWith("method:")
                            ? "not meta-trained: meta-tests the prior trained by " + prior.substring("method:".length())
                            : "not meta-trained: prior " + prior);
        }
        node.put("protocol", protocol);
        node.put("equalAcrossMetaTrainedMethods", equal);
    }

    private List<Figure> figures(String panel, Panel data, Map<String, Map<String, Stat[]>> stats)
    {
        List<Figure> figures = new ArrayList<>();
        List<String> measures = new ArrayList<>(List.of(RETURN));
        data.methods.values().iterator().next().values.keySet().stream().filter(name -> name.startsWith(GAP)).findFirst().ifPresent(measures::add);
        String file = panel.replaceAll("[^A-Za-z0-9._-]", "_");
        for (String measure : measures) {
            List<Series> series = new ArrayList<>();
            List<Band> bands = new ArrayList<>();
            for (Map.Entry<String, Map<String, Stat[]>> method : stats.entrySet()) {
                Stat[] steps = method.getValue().get(measure);
                if (steps == null) {
                    continue;
                }
                double[] x = new double[steps.length];
                double[] mean = new double[steps.length];
                double[] lower = new double[steps.length];
                double[] upper = new double[steps.length];
                for (int k = 0; k < steps.length; k++) {
                    x[k] = k;
                    mean[k] = steps[k].mean;
                    lower[k] = steps[k].interval.lower();
                    upper[k] = steps[k].interval.upper();
                }
                String label = data.methods.get(method.getKey()).label;
                series.add(new Series(label, x, mean, new double[steps.length]));
                bands.add(new Band(label, lower, upper));
            }
            String what = measure.equals(RETURN) ? "Return" : "Optimality gap vs " + measure.substring(GAP.length());
            String level = Math.round(100 * settings.confidence()) + " %";
            figures.add(new Figure("seeds-" + (measure.equals(RETURN) ? "returns" : "gaps") + "-" + file,
                    what + ", " + panel + " (mean over " + settings.trainingSeeds().size() + " training seeds, " + level + " bootstrap CI)",
                    "adaptation step", measure.equals(RETURN) ? data.returnMeasure : "gap", Figure.Kind.LINE, List.of(), series, List.of(), bands));
        }
        return figures;
    }

    private static double[] column(double[][] values, int k)
    {
        double[] column = new double[values.length];
        for (int s = 0; s < values.length; s++) {
            column[s] = values[s][k];
        }
        return column;
    }

    /** Statistics over seeds of one value. */
    private record Stat(double mean, double std, ConfidenceInterval interval, double iqm) {}

    /** One method's values: measure → [seed][step], and task → measure → [seed][step]. */
    private static final class MethodData
    {
        final String label;
        final Map<String, double[][]> values = new LinkedHashMap<>();
        final Map<String, Map<String, double[][]>> tasks = new LinkedHashMap<>();

        MethodData(String label)
        {
            this.label = label;
        }
    }

    /** A panel's methods read from every seed's run directory. */
    private static final class Panel
    {
        final Map<String, MethodData> methods = new LinkedHashMap<>();
        Properties configuration;
        /** What the runs' returns are: their summaries' {@code returnMeasure}, "discounted return" where it is absent (tabular). */
        String returnMeasure = "discounted return";

        static Panel read(String name, List<Path> runs)
        {
            Panel panel = new Panel();
            int seeds = runs.size();
            for (int s = 0; s < seeds; s++) {
                Path run = runs.get(s);
                JsonNode summary = readJson(run.resolve(RunDirectory.SUMMARY));
                panel.returnMeasure = summary.path("returnMeasure").asText(panel.returnMeasure);
                for (Iterator<Map.Entry<String, JsonNode>> it = summary.path("methods").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> method = it.next();
                    MethodData data = panel.methods.computeIfAbsent(method.getKey(), key -> new MethodData(method.getValue().path("label").asText(key)));
                    JsonNode steps = method.getValue().path("steps");
                    List<String> measures = new ArrayList<>(List.of(RETURN));
                    steps.get(0).path("meanGap").fieldNames().forEachRemaining(comparator -> measures.add(GAP + comparator));
                    for (String measure : measures) {
                        double[][] values = data.values.computeIfAbsent(measure, key -> new double[seeds][]);
                        values[s] = new double[steps.size()];
                        for (int k = 0; k < steps.size(); k++) {
                            JsonNode step = steps.get(k);
                            values[s][k] = measure.equals(RETURN) ? step.path("meanReturn").asDouble() : step.path("meanGap").path(measure.substring(GAP.length())).asDouble();
                        }
                    }
                }
                readPerTask(panel, run.resolve("meta-test.csv"), s, seeds);
                if (s == 0) {
                    panel.configuration = readProperties(run.resolve(RunDirectory.CONFIG));
                }
            }
            for (Map.Entry<String, MethodData> method : panel.methods.entrySet()) {
                for (Map.Entry<String, double[][]> measure : method.getValue().values.entrySet()) {
                    for (int s = 0; s < seeds; s++) {
                        if (measure.getValue()[s] == null) {
                            throw new IllegalStateException(name + ": method " + method.getKey() + " has no " + measure.getKey() + " for training seed number " + (s + 1));
                        }
                    }
                }
            }
            return panel;
        }

        /** Repetition means of return and gap_* per (method, task, step) from meta-test.csv. */
        private static void readPerTask(Panel panel, Path file, int seed, int seeds)
        {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            List<String> header = split(lines.get(0));
            List<String> measures = new ArrayList<>();
            List<Integer> columns = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).equals(RETURN) || header.get(c).startsWith(GAP)) {
                    measures.add(header.get(c));
                    columns.add(c);
                }
            }
            int methodColumn = header.indexOf("method");
            int taskColumn = header.indexOf("task");
            int stepColumn = header.indexOf("step");
            int repetitionColumn = header.indexOf("repetition");
            Map<String, Map<String, Map<String, List<double[]>>>> sums = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) {
                    continue;
                }
                List<String> cells = split(line);
                int step = Integer.parseInt(cells.get(stepColumn));
                int repetition = Integer.parseInt(cells.get(repetitionColumn));
                Map<String, List<double[]>> byMeasure = sums.computeIfAbsent(cells.get(methodColumn), key -> new LinkedHashMap<>())
                        .computeIfAbsent(cells.get(taskColumn), key -> new LinkedHashMap<>());
                for (int m = 0; m < measures.size(); m++) {
                    List<double[]> steps = byMeasure.computeIfAbsent(measures.get(m), key -> new ArrayList<>());
                    while (steps.size() <= step) {
                        steps.add(new double[2]);
                    }
                    steps.get(step)[0] += Double.parseDouble(cells.get(columns.get(m)));
                    steps.get(step)[1] = Math.max(steps.get(step)[1], repetition + 1);
                }
            }
            sums.forEach((method, tasks) -> tasks.forEach((task, byMeasure) -> byMeasure.forEach((measure, steps) -> {
                double[][] values = panel.methods.get(method).tasks.computeIfAbsent(task, key -> new LinkedHashMap<>()).computeIfAbsent(measure, key -> new double[seeds][]);
                values[seed] = new double[steps.size()];
                for (int k = 0; k < steps.size(); k++) {
                    values[seed][k] = steps.get(k)[0] / steps.get(k)[1];
                }
            })));
        }

        /** One CSV line's cells (quoted cells may hold commas and doubled quotes). */
        private static List<String> split(String line)
        {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = !quoted;
                }
                else if (c == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                }
                else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            return cells;
        }

        private static JsonNode readJson(Path file)
        {
            try {
                return RunDirectory.json().readTree(file.toFile());
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        private static Properties readProperties(Path file)
        {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            return properties;
        }
    }
}
