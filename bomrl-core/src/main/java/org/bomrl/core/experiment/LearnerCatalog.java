package org.bomrl.core.experiment;

import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.core.loop.TaskLearner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The learners of one run by name, {@code <method>/meta-train} and {@code <method>/meta-test}: the
 * method's adaptation algorithm created with its training or test settings (random stream
 * {@code meta-training} / {@code meta-test}, then the method id) on the run's policy family. A
 * work unit names its learner, so any machine that has the run's configuration rebuilds the same
 * learner from this catalog. Learners are created on first use; thread-safe.
 */
public final class LearnerCatalog
        implements Function<String, TaskLearner>
{
    public static final String META_TRAIN = "meta-train";
    public static final String META_TEST = "meta-test";

    private final Components components;
    private final PolicyFamily family;
    private final Map<String, MethodSpec> methods = new HashMap<>();
    private final RandomSource random;
    private final List<String> testTaskIds;
    private final Map<String, TaskLearner> learners = new HashMap<>();

    /** @param testTaskIds the test tasks in order (task k's meta-test λ when a method's λ grows per task) */
    LearnerCatalog(Components components, PolicyFamily family, List<MethodSpec> methods, List<String> testTaskIds, RandomSource random)
    {
        this.components = components;
        this.family = family;
        methods.forEach(method -> this.methods.put(method.id(), method));
        this.testTaskIds = List.copyOf(testTaskIds);
        this.random = random;
    }

    /** The name of {@code method}'s learner for {@code phase} ({@link #META_TRAIN} or {@link #META_TEST}). */
    static String name(MethodSpec method, String phase)
    {
        return method.id() + "/" + phase;
    }

    /** The learner with this name. */
    @Override
    public synchronized TaskLearner apply(String name)
    {
        return learners.computeIfAbsent(name, this::create);
    }

    /** The adaptation algorithm of {@code method} for {@code purpose} ({@code meta-training}, {@code meta-test}, {@code bound}). */
    AdaptationAlgorithm algorithm(MethodSpec method, MapSettings settings, String purpose)
    {
        return components.create(components.adaptation("method." + method.id() + ".adaptation", method.adaptation()), settings, random.derive(purpose).derive(method.id()));
    }

    private TaskLearner create(String name)
    {
        int slash = name.lastIndexOf('/');
        MethodSpec method = slash < 0 ? null : methods.get(name.substring(0, slash));
        String phase = slash < 0 ? "" : name.substring(slash + 1);
        if (method == null || !(phase.equals(META_TRAIN) || phase.equals(META_TEST))) {
            throw new IllegalArgumentException("no learner '" + name + "' in this run; learners are <method>/meta-train and <method>/meta-test for methods " + methods.keySet());
        }
        if (phase.equals(META_TEST) && method.testLambdaGrowth() != 1) {
            return LambdaScheduleLearner.of(method, testTaskIds, settings -> learner(method, algorithm(method, settings, "meta-test")),
                    components.adaptation("method." + method.id() + ".adaptation", method.adaptation()).settings());
        }
        AdaptationAlgorithm algorithm = phase.equals(META_TRAIN)
                ? algorithm(method, method.trainSettings(), "meta-training")
                : algorithm(method, method.testSettings(), "meta-test");
        return learner(method, algorithm);
    }

    /**
     * The family's learner of {@code algorithm}, its numerical failures named ({@link GuardedLearner})
     * with the phase its algorithm's calls record ({@link GuardedAlgorithm}).
     */
    private TaskLearner learner(MethodSpec method, AdaptationAlgorithm algorithm)
    {
        return new GuardedLearner(method.id(), family.learner(new GuardedAlgorithm(algorithm), "method." + method.id() + ".adaptation", method.adaptation()));
    }
}
