package org.bomrl.core.experiment;

import io.vavr.control.Option;
import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.policy.GaussianPolicy;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.core.loop.ObservationFilterSettings;
import org.bomrl.core.loop.TaskLearner;
import org.bomrl.core.rollout.AdvantageEstimator;
import org.bomrl.core.rollout.GaussianLearner;
import org.bomrl.core.rollout.Rounds;
import org.bomrl.core.rollout.TabularLearner;
import org.bomrl.core.rollout.TrajectorySampler;

import java.nio.file.Path;

/**
 * The policy class of a meta-learning run and what depends on it: how a method's algorithm becomes
 * a {@link TaskLearner}, φ₀, and which priors exist. The loop itself knows nothing of it.
 */
sealed interface PolicyFamily
        permits PolicyFamily.Tabular, PolicyFamily.Gaussian
{
    int parameterCount();

    /** The learner of {@code algorithm}; {@code key} names the method's adaptation setting for errors. */
    TaskLearner learner(AdaptationAlgorithm algorithm, String key, String adaptation);

    /** φ₀ of meta-training. */
    double[] initial(MetaTrainSettings train, RandomSource random);

    /** A prior that is not trained in this run (constant logits or a table file), as φ. */
    double[] fixedPrior(Prior prior, String key);

    /** φ as the text of {@code priors/<method>.csv}. */
    String priorTable(double[] phi);

    /** Tabular softmax policies over |S| states and |A| actions, rounds estimated by TD or exact (spec §5a). */
    record Tabular(int states, int actions, Rounds rounds)
            implements PolicyFamily
    {
        @Override
        public int parameterCount()
        {
            return states * actions;
        }

        @Override
        public TaskLearner learner(AdaptationAlgorithm algorithm, String key, String adaptation)
        {
            return new TabularLearner(algorithm.tabular().getOrElseThrow(() -> new InvalidSettingException(
                    key + " = " + adaptation + " does not support tabular softmax policies")), rounds, states, actions);
        }

        @Override
        public double[] initial(MetaTrainSettings train, RandomSource random)
        {
            return TabularSoftmaxPolicy.constant(states, actions, train.initialLogit()).logits();
        }

        @Override
        public double[] fixedPrior(Prior prior, String key)
        {
            if (prior instanceof Prior.Constant constant) {
                return TabularSoftmaxPolicy.constant(states, actions, constant.logit()).logits();
            }
            Path file = ((Prior.FromFile) prior).path();
            return PriorFile.read(file, states, actions).logits();
        }

        @Override
        public String priorTable(double[] phi)
        {
            return PriorFile.format(TabularSoftmaxPolicy.of(states, actions, phi));
        }

        TabularSoftmaxPolicy policy(double[] phi)
        {
            return TabularSoftmaxPolicy.of(states, actions, phi);
        }
    }

    /**
     * Gaussian policies on continuous tasks, rounds sampled with the bootstrap continuation (spec
     * §3.5, §5b), observations through the running filter when {@code observationFilter} is set.
     */
    record Gaussian(GaussianPolicy policy, TrajectorySampler pre, TrajectorySampler post, double gamma, AdvantageEstimator estimator, GaussianDistance fisherKl,
            int fisherTasks, Option<ObservationFilterSettings> observationFilter, int threads)
            implements PolicyFamily
    {
        @Override
        public int parameterCount()
        {
            return policy.parameterCount();
        }

        @Override
        public TaskLearner learner(AdaptationAlgorithm algorithm, String key, String adaptation)
        {
            return new GaussianLearner(policy, algorithm.gaussian().getOrElseThrow(() -> new InvalidSettingException(
                    key + " = " + adaptation + " does not support Gaussian policies")), pre, post, gamma, estimator, fisherKl, fisherTasks, observationFilter, threads);
        }

        @Override
        public double[] initial(MetaTrainSettings train, RandomSource random)
        {
            return policy.initialParameters(random.derive("initial-parameters"));
        }

        @Override
        public double[] fixedPrior(Prior prior, String key)
        {
            throw new InvalidSettingException(key + ": Gaussian policies take priors trained or method:<id>; constant and file priors are tabular only");
        }

        @Override
        public String priorTable(double[] phi)
        {
            StringBuilder text = new StringBuilder("# meta-parameters φ of " + policy.name() + ", one per line\n");
            for (double value : phi) {
                text.append(value).append('\n');
            }
            return text.toString();
        }
    }
}
