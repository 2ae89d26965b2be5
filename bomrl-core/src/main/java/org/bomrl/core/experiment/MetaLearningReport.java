package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bomrl.api.env.Task;
import org.bomrl.api.report.Figure;
import org.bomrl.api.report.Series;
import org.bomrl.core.rollout.RoundMode;
import org.bomrl.core.run.RunDirectory;
import org.bomrl.core.train.MetaTrainer;
import org.bomrl.core.train.TrainingRow;
import org.bomrl.numerics.stats.RepetitionStatistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a meta-learning run's results: {@code meta-test.csv} (every repetition, task and step),
 * {@code curves.csv} (mean ± std over repetitions of the task-mean return and of the gap to each
 * comparator, per method and step), {@code summary.json}, and the figures handed to the report
 * writers. Gaps use exact returns J_τ(π^(k)) from the task models, each method's against its own
 * reference where a comparator is measured per method ({@link ComparatorReferences}); those
 * references' means are in the method's {@code meanReference}, the shared ones' at the top level.
 */
final class MetaLearningReport
{
    private final List<? extends Task<?, ?>> tasks;
    private final List<MethodResult> results;
    private final ComparatorReferences references;
    private final Map<String, MetaTrainer.Result> trained;
    private final RoundMode mode;
    private final RunDirectory directory;
    private final List<Figure> figures = new ArrayList<>();

    MetaLearningReport(List<? extends Task<?, ?>> tasks, List<MethodResult> results, ComparatorReferences references, Map<String, MetaTrainer.Result> trained,
            RoundMode mode, RunDirectory directory)
    {
        this.tasks = tasks;
        this.results = results;
        this.references = references;
        this.trained = trained;
        this.mode = mode;
        this.directory = directory;
    }

    ObjectNode write()
    {
        writeDetail();
        ObjectNode summary = RunDirectory.newObject();
        summary.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
        summary.put("testTasks", tasks.size());
        if (!tabular()) {
            summary.put("returnMeasure", returnLabel());
        }
        ObjectNode referenceNode = summary.putObject("meanReference");
        references.shared().forEach((name, values) -> referenceNode.put(name, mean(values)));
        ObjectNode methodsNode = summary.putObject("methods");
        List<String> curveHeader = new ArrayList<>(List.of("method", "step", "mean_return", "std_return", "mean_exact_return", "std_exact_return"));
        references.names().forEach(name -> curveHeader.addAll(List.of("mean_gap_" + name, "std_gap_" + name)));
        Csv curves = new Csv(curveHeader);
        for (MethodResult result : results) {
            ObjectNode methodNode = methodsNode.putObject(result.method().id());
            methodNode.put("label", result.method().label());
            result.bound().ifPresent(bound -> methodNode.put("boundLine", bound));
            result.rigorousBound().ifPresent(bound -> methodNode.put("rigorousGapBoundStep1", bound));
            if (references.names().stream().anyMatch(references::perMethod)) {
                ObjectNode ownReferences = methodNode.putObject("meanReference");
                references.names().stream().filter(references::perMethod)
                        .forEach(name -> ownReferences.put(name, mean(references.of(result.method().id(), name))));
            }
            ArrayNode steps = methodNode.putArray("steps");
            double[][] returns = result.taskMeans(false);
            double[][] exact = result.taskMeans(true);
            double[] meanReturn = RepetitionStatistics.mean(returns);
            double[] stdReturn = RepetitionStatistics.sampleStandardDeviation(returns);
            double[] meanExact = RepetitionStatistics.mean(exact);
            double[] stdExact = RepetitionStatistics.sampleStandardDeviation(exact);
            Map<String, double[][]> gaps = new java.util.LinkedHashMap<>();
            references.names().forEach(name -> gaps.put(name, gaps(result, references.of(result.method().id(), name))));
            for (int k = 0; k < result.steps(); k++) {
                ObjectNode stepNode = steps.addObject();
                stepNode.put("step", k);
                stepNode.put("meanReturn", meanReturn[k]);
                stepNode.put("stdReturn", stdReturn[k]);
                stepNode.put("meanExactReturn", meanExact[k]);
                List<Object> row = new ArrayList<>(List.of(result.method().id(), k, meanReturn[k], stdReturn[k], meanExact[k], stdExact[k]));
                ObjectNode gapsNode = stepNode.putObject("meanGap");
                for (Map.Entry<String, double[][]> gap : gaps.entrySet()) {
                    double mean = RepetitionStatistics.mean(gap.getValue())[k];
                    gapsNode.put(gap.getKey(), mean);
                    row.add(mean);
                    row.add(RepetitionStatistics.sampleStandardDeviation(gap.getValue())[k]);
                }
                curves.row(row.toArray());
            }
            MetaTrainer.Result training = trained.get(result.method().id());
            if (training != null) {
                methodNode.put("trainingIterations", training.rows().size());
            }
        }
        directory.write("curves.csv", curves.toString());
        figures.add(returnFigure());
        references.names().stream().findFirst().ifPresent(name -> figures.add(gapFigure(name)));
        if (!trained.isEmpty()) {
            figures.add(trainingFigure());
        }
        return summary;
    }

    List<Figure> figures()
    {
        return figures;
    }

    private void writeDetail()
    {
        List<String> header = new ArrayList<>(List.of("method", "repetition", "task", "step", "return", "exact_return"));
        references.names().forEach(name -> header.add("gap_" + name));
        Csv csv = new Csv(header);
        for (MethodResult result : results) {
            double[][][] returns = result.outcome().returns();
            double[][][] exact = result.outcome().exactReturns();
            for (int r = 0; r < returns.length; r++) {
                for (int j = 0; j < tasks.size(); j++) {
                    for (int k = 0; k < returns[r][j].length; k++) {
                        List<Object> row = new ArrayList<>(List.of(result.method().id(), r, tasks.get(j).id(), k, returns[r][j][k], exact[r][j][k]));
                        for (String name : references.names()) {
                            row.add(references.of(result.method().id(), name)[j] - exact[r][j][k]);
                        }
                        csv.row(row.toArray());
                    }
                }
            }
        }
        directory.write("meta-test.csv", csv.toString());
    }

    /** [repetition][step]: mean over tasks of J_ref(τ) − J_τ(π^(k)). */
    private static double[][] gaps(MethodResult result, double[] reference)
    {
        double[][] exact = result.taskMeans(true);
        double referenceMean = mean(reference);
        double[][] gaps = new double[exact.length][];
        for (int r = 0; r < exact.length; r++) {
            gaps[r] = new double[exact[r].length];
            for (int k = 0; k < exact[r].length; k++) {
                gaps[r][k] = referenceMean - exact[r][k];
            }
        }
        return gaps;
    }

    private static double mean(double[] values)
    {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }

    private Figure returnFigure()
    {
        List<Series> series = new ArrayList<>();
        List<String> dashed = new ArrayList<>();
        int steps = results.get(0).steps();
        double[] x = new double[steps];
        for (int k = 0; k < steps; k++) {
            x[k] = k;
        }
        for (MethodResult result : results) {
            double[][] returns = result.taskMeans(false);
            series.add(new Series(result.method().label(), x, RepetitionStatistics.mean(returns), RepetitionStatistics.sampleStandardDeviation(returns)));
        }
        // a comparator's reference is an expected discounted return: drawn beside tabular returns only
        // (continuous rounds report undiscounted episode sums; their gaps use the discounted estimates)
        references.shared().forEach((name, values) -> {
            if (!tabular()) {
                return;
            }
            double[] flat = new double[steps];
            java.util.Arrays.fill(flat, mean(values));
            series.add(new Series(name, x, flat, new double[steps]));
            dashed.add(name);
        });
        for (String name : references.names()) {
            if (!tabular() || !references.perMethod(name)) {
                continue;
            }
            for (MethodResult result : results) {
                String label = name + ", " + result.method().label();
                double[] flat = new double[steps];
                java.util.Arrays.fill(flat, mean(references.of(result.method().id(), name)));
                series.add(new Series(label, x, flat, new double[steps]));
                dashed.add(label);
            }
        }
        return new Figure("returns", "Return vs adaptation step (mean ± std over repetitions)", "adaptation step", returnLabel(), Figure.Kind.LINE, List.of(),
                series, dashed);
    }

    private Figure gapFigure(String comparator)
    {
        List<String> categories = new ArrayList<>();
        for (MethodResult result : results) {
            categories.add(result.method().label());
        }
        double[] x = new double[results.size()];
        List<Series> series = new ArrayList<>();
        List<String> dashed = new ArrayList<>();
        for (int k = 0; k <= 1; k++) {
            double[] mean = new double[results.size()];
            double[] std = new double[results.size()];
            for (int m = 0; m < results.size(); m++) {
                x[m] = m;
                int step = Math.min(k, results.get(m).steps() - 1);
                double[][] gaps = gaps(results.get(m), references.of(results.get(m).method().id(), comparator));
                mean[m] = RepetitionStatistics.mean(gaps)[step];
                std[m] = RepetitionStatistics.sampleStandardDeviation(gaps)[step];
            }
            series.add(new Series("gap at step " + k, x, mean, std));
        }
        for (MethodResult result : results) {
            result.bound().ifPresent(bound -> addLine(series, dashed, "bound, " + result.method().label() + " (spec §4 recipe)", x, bound));
            result.rigorousBound().ifPresent(bound -> addLine(series, dashed, "rigorous bound, " + result.method().label() + ", step 1 (CPO Cor. 1)", x, bound));
        }
        return new Figure("gaps", "Optimality gap vs " + comparator, "method", "gap", Figure.Kind.BAR, categories, series, dashed);
    }

    /** A horizontal dashed line at {@code value} across all categories. */
    private static void addLine(List<Series> series, List<String> dashed, String label, double[] x, double value)
    {
        double[] line = new double[x.length];
        java.util.Arrays.fill(line, value);
        series.add(new Series(label, x, line, new double[x.length]));
        dashed.add(label);
    }

    private Figure trainingFigure()
    {
        List<Series> series = new ArrayList<>();
        trained.forEach((method, result) -> {
            List<TrainingRow> rows = result.rows();
            double[] x = new double[rows.size()];
            double[] prior = new double[rows.size()];
            double[] adapted = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                x[i] = rows.get(i).iteration();
                prior[i] = rows.get(i).priorReturn();
                adapted[i] = rows.get(i).adaptedReturn();
            }
            series.add(new Series(method + " prior", x, prior, new double[rows.size()]));
            series.add(new Series(method + " adapted", x, adapted, new double[rows.size()]));
        });
        return new Figure("training", "Meta-training: mean return over sampled tasks", "meta-iteration", returnLabel(), Figure.Kind.LINE, List.of(), series,
                List.of());
    }

    /**
     * Tabular rounds report discounted returns; rounds of continuous tasks the undiscounted episode
     * sum (spec §5b), which their summary records as {@code returnMeasure} (tabular summaries have
     * none: "discounted return").
     */
    private String returnLabel()
    {
        return tabular() ? "discounted return" : "return (undiscounted episode sum)";
    }

    private boolean tabular()
    {
        return tasks.stream().allMatch(task -> task.exactModel().isDefined());
    }
}
