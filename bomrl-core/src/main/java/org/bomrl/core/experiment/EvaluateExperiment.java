package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bomrl.api.env.Task;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.core.rollout.Rounds;
import org.bomrl.core.run.RunDirectory;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code evaluate} experiment: for every test task, the reference value of each comparator
 * (e.g. the exact optimum J*_τ) and the exact return of the uniform policy, with their means.
 * Writes {@code tasks.csv} and {@code summary.json}.
 */
final class EvaluateExperiment
{
    private EvaluateExperiment() {}

    static ExperimentOutcome run(List<Task<Integer, Integer>> tasks, List<NamedComparator> comparators, RunDirectory directory, PrintStream progress)
    {
        List<String> header = new ArrayList<>(List.of("task", "uniform_return"));
        comparators.forEach(comparator -> header.add(comparator.name() + "_reference"));
        Csv csv = new Csv(header);
        double[] uniform = new double[tasks.size()];
        double[][] references = new double[comparators.size()][];
        for (int c = 0; c < comparators.size(); c++) {
            references[c] = comparators.get(c).comparator().referenceValues(tasks);
        }
        for (int j = 0; j < tasks.size(); j++) {
            Task<Integer, Integer> task = tasks.get(j);
            int states = task.exactModel().get().states();
            int actions = task.exactModel().get().actions();
            uniform[j] = Rounds.exactReturn(task, TabularSoftmaxPolicy.constant(states, actions, 0));
            List<Object> row = new ArrayList<>(List.of(task.id(), uniform[j]));
            for (double[] reference : references) {
                row.add(reference[j]);
            }
            csv.row(row.toArray());
        }
        directory.write("tasks.csv", csv.toString());
        ObjectNode summary = RunDirectory.newObject();
        summary.put("tasks", tasks.size());
        summary.put("meanUniformReturn", mean(uniform));
        ObjectNode referenceNode = summary.putObject("meanReference");
        for (int c = 0; c < comparators.size(); c++) {
            referenceNode.put(comparators.get(c).name(), mean(references[c]));
            progress.printf("%-28s mean reference %.6f%n", comparators.get(c).name(), mean(references[c]));
        }
        progress.printf("%-28s mean return    %.6f%n", "uniform policy", mean(uniform));
        return new ExperimentOutcome(summary, List.of());
    }

    private static double mean(double[] values)
    {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }
}
