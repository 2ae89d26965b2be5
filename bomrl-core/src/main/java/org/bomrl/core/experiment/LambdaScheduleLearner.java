package org.bomrl.core.experiment;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Task;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.core.loop.ObservationFilter;
import org.bomrl.core.loop.TaskLearner;
import org.bomrl.core.loop.TestOutcome;
import org.bomrl.core.loop.TrainOutcome;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A meta-test learner whose λ depends on the test task: task k (0-based, in the distribution's
 * test-task order) is adapted with λ_k = λ·g^(k+1), λ the method's meta-test λ and g its
 * {@code test.lambda_growth}. With g = 2 this is the random initialisation of the authors'
 * released test scripts, which double λ inside the per-map loop (spec §5a "What the published
 * numbers actually came from"). Meta-test only; thread-safe (the per-task learners are).
 */
final class LambdaScheduleLearner
        implements TaskLearner
{
    private final Map<String, TaskLearner> byTask;
    private final Map<String, Double> lambdas;
    private final int parameterCount;

    private LambdaScheduleLearner(Map<String, TaskLearner> byTask, Map<String, Double> lambdas)
    {
        this.byTask = Map.copyOf(byTask);
        this.lambdas = Map.copyOf(lambdas);
        this.parameterCount = byTask.values().iterator().next().parameterCount();
    }

    /**
     * @param learner the method's meta-test learner for given adaptation settings
     * @param specs the adaptation's declared settings (one of them {@code lambda})
     */
    static LambdaScheduleLearner of(MethodSpec method, List<String> taskIds, Function<MapSettings, TaskLearner> learner, List<SettingSpec> specs)
    {
        MapSettings settings = method.testSettings();
        double lambda = settings.getDouble("lambda");
        Map<String, TaskLearner> byTask = new HashMap<>();
        Map<String, Double> lambdas = new LinkedHashMap<>();
        for (int k = 0; k < taskIds.size(); k++) {
            double lambdaK = lambda * Math.pow(method.testLambdaGrowth(), k + 1);
            Map<String, String> values = new HashMap<>();
            Map<String, String> sources = new HashMap<>();
            for (String key : settings.keys()) {
                values.put(key, settings.raw(key).get());
                sources.put(key, settings.source(key));
            }
            values.put("lambda", Double.toString(lambdaK));
            sources.put("lambda", "method." + method.id() + ".test.lambda_growth (task " + k + ")");
            byTask.put(taskIds.get(k), learner.apply(new MapSettings(settings.scope(), values, sources, specs)));
            lambdas.put(taskIds.get(k), lambdaK);
        }
        return new LambdaScheduleLearner(byTask, lambdas);
    }

    /** λ_k of the task with this id. */
    double lambda(String taskId)
    {
        return lambdas.get(taskId);
    }

    @Override
    public int parameterCount()
    {
        return parameterCount;
    }

    /** The per-task learners' filter (they share the run's policy family). */
    @Override
    public io.vavr.control.Option<org.bomrl.core.loop.ObservationFilterSettings> observationFilter()
    {
        return byTask.values().iterator().next().observationFilter();
    }

    @Override
    public TrainOutcome train(Task<?, ?> task, double[] phi, ObservationFilter filter, RandomSource stream, int iteration)
    {
        throw new IllegalStateException("a per-task λ schedule applies to the meta-test only; task " + task.id());
    }

    @Override
    public TestOutcome test(Task<?, ?> task, double[] phi, ObservationFilter filter, int rounds, RandomSource stream)
    {
        TaskLearner learner = byTask.get(task.id());
        if (learner == null) {
            throw new IllegalArgumentException("task " + task.id() + " is not a test task of this run; the per-task λ schedule covers " + byTask.keySet());
        }
        return learner.test(task, phi, filter, rounds, stream);
    }
}
