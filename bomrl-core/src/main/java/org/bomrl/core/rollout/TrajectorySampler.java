package org.bomrl.core.rollout;

import io.vavr.control.Option;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.EpisodeValidity;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.Task;
import org.bomrl.api.policy.PolicyClass;
import org.bomrl.core.loop.ObservationFilter;
import org.bomrl.core.loop.ObservationStatistics;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.bomrl.numerics.neural.ObservationNormaliser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Collects one round (spec §3.5 step 1, §5b): {@code episodes} episodes of at most
 * {@code horizon} steps with π_θ in one task; when {@code bootstrapSteps} > 0 each episode that
 * was not terminated runs on for that many steps from its last state with the same policy, and the
 * discounted return of that continuation becomes the episode's tail return (the continuation's
 * steps are not part of the batch). The environment's own time limit must allow
 * {@code horizon + bootstrapSteps} steps; an environment that truncates earlier just ends the
 * continuation there.
 *
 * <p>Episode e resets the environment with seed {@code random.derive(e).seed()} and samples actions
 * from {@code random.derive(e).generator()}, so a round depends only on its random source. With a
 * {@link GaussianMlpPolicy} the episodes run in lockstep on one environment each, sharing one
 * batched forward pass per step ({@link #collectInLockstep}, equal bit for bit to the
 * episode-after-episode {@link #collectSequentially} used for other policy classes); this relies on
 * the environment contract that an episode depends only on its reset seed and actions.
 *
 * <p>Under a {@link ObservationFilter.Frozen frozen observation filter} (spec §5b) every observation
 * the environment returns (each reset, each step, the continuation's steps) is normalised with the
 * filter's fixed statistics before the policy sees it, and the batch (rows and final observations)
 * stores the normalised values, so everything computed from the batch is computed on what the
 * policy saw. The raw values are pushed, per episode in time order, into the episode's own
 * running statistics; the round's statistics ({@link Rollouts#observed}) merge the episodes in
 * order, so lockstep and sequential collection give the same statistics bit for bit. Under
 * {@link ObservationFilter#identity()} observations pass through untouched and nothing is recorded.
 * Stateless and thread-safe.
 */
public final class TrajectorySampler
{
    private final int episodes;
    private final int horizon;
    private final int bootstrapSteps;
    private final double gamma;

    public TrajectorySampler(int episodes, int horizon, int bootstrapSteps, double gamma)
    {
        if (episodes < 1 || horizon < 1 || bootstrapSteps < 0) {
            throw new IllegalArgumentException("episodes and horizon must be positive and bootstrap steps non-negative: " + episodes + ", " + horizon + ", " + bootstrapSteps);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("γ must be in [0, 1]: " + gamma);
        }
        this.episodes = episodes;
        this.horizon = horizon;
        this.bootstrapSteps = bootstrapSteps;
        this.gamma = gamma;
    }

    public int episodes()
    {
        return episodes;
    }

    public int horizon()
    {
        return horizon;
    }

    public double gamma()
    {
        return gamma;
    }

    /** A round without an observation filter. */
    public Rollouts collect(Task<double[], double[]> task, PolicyClass policy, double[] theta, RandomSource random)
    {
        return collect(task, policy, theta, ObservationFilter.identity(), random);
    }

    /** A round whose observations the policy sees through {@code filter}. */
    public Rollouts collect(Task<double[], double[]> task, PolicyClass policy, double[] theta, ObservationFilter filter, RandomSource random)
    {
        if (policy instanceof GaussianMlpPolicy network) {
            return collectInLockstep(task, network, theta, filter, random);
        }
        return collectSequentially(task, policy, theta, filter, random);
    }

    Rollouts collectSequentially(Task<double[], double[]> task, PolicyClass policy, double[] theta, RandomSource random)
    {
        return collectSequentially(task, policy, theta, ObservationFilter.identity(), random);
    }

    Rollouts collectInLockstep(Task<double[], double[]> task, GaussianMlpPolicy policy, double[] theta, RandomSource random)
    {
        return collectInLockstep(task, policy, theta, ObservationFilter.identity(), random);
    }

    /** Episode after episode on one environment, one {@link PolicyClass#sample} per step: the reference of {@link #collectInLockstep}. */
    Rollouts collectSequentially(Task<double[], double[]> task, PolicyClass policy, double[] theta, ObservationFilter filter, RandomSource random)
    {
        Observer observer = new Observer(filter, episodes, policy.observationDimension(), task);
        int dObs = policy.observationDimension();
        int dAct = policy.actionDimension();
        RoundBuffers buffers = new RoundBuffers(episodes, horizon, dObs, dAct);
        double[] observations = buffers.observations;
        double[] actions = buffers.actions;
        double[] rewards = buffers.rewards;
        double[] logProbabilities = buffers.logProbabilities;
        boolean[] terminated = buffers.terminated;
        boolean[] truncated = buffers.truncated;
        double[] finals = buffers.finals;
        double[] tails = buffers.tails;
        int[] starts = new int[episodes + 1];
        double[] action = new double[dAct];
        int row = 0;
        int invalid = 0;
        try (Environment<double[], double[]> environment = task.newEnvironment()) {
            for (int e = 0; e < episodes; e++) {
                starts[e] = row;
                RandomSource stream = random.derive(e);
                SplittableRandom generator = stream.generator();
                double[] observation = observer.present(checked(environment.reset(stream.seed()), dObs, task, e), e);
                boolean ended = false;
                boolean endedByTermination = false;
                for (int t = 0; t < horizon && !ended; t++) {
                    System.arraycopy(observation, 0, observations, row * dObs, dObs);
                    logProbabilities[row] = policy.sample(theta, observation, generator, action);
                    System.arraycopy(action, 0, actions, row * dAct, dAct);
                    Step<double[]> step = environment.step(action.clone());
                    rewards[row] = step.reward();
                    terminated[row] = step.terminated();
                    truncated[row] = step.truncated() || (t == horizon - 1 && !step.terminated());
                    observation = observer.present(checked(step.observation(), dObs, task, e), e);
                    ended = step.done();
                    endedByTermination = step.terminated();
                    row++;
                }
                System.arraycopy(observation, 0, finals, e * dObs, dObs);
                if (!ended && !endedByTermination && bootstrapSteps > 0) {
                    tails[e] = continuation(environment, policy, theta, observation, generator, action, observer, e);
                }
                if (environment instanceof EpisodeValidity validity && validity.episodeInvalid()) {
                    invalid++;
                }
            }
        }
        starts[episodes] = row;
        int[] lengths = new int[episodes];
        for (int e = 0; e < episodes; e++) {
            lengths[e] = starts[e + 1] - starts[e];
        }
        return new Rollouts(buffers.batch(task.id(), starts, lengths), tails, invalid, observer.observed());
    }

    /**
     * The same round with all episodes stepping together, one environment each: per time step one
     * batched {@link GaussianMlpPolicy#sampleRows} over the episodes still running (each with its
     * own generator, so every episode's draws, and hence the batch, equal those of
     * {@link #collectSequentially} bit for bit), then the bootstrap continuations likewise.
     */
    Rollouts collectInLockstep(Task<double[], double[]> task, GaussianMlpPolicy policy, double[] theta, ObservationFilter filter, RandomSource random)
    {
        Observer observer = new Observer(filter, episodes, policy.observationDimension(), task);
        int dObs = policy.observationDimension();
        int dAct = policy.actionDimension();
        RoundBuffers buffers = new RoundBuffers(episodes, horizon, dObs, dAct);
        double[] observations = buffers.observations;
        double[] actions = buffers.actions;
        double[] rewards = buffers.rewards;
        double[] logProbabilities = buffers.logProbabilities;
        boolean[] terminated = buffers.terminated;
        boolean[] truncated = buffers.truncated;
        double[] finals = buffers.finals;
        double[] tails = buffers.tails;
        int[] lengths = new int[episodes];
        List<Environment<double[], double[]>> environments = new ArrayList<>(episodes);
        SplittableRandom[] generators = new SplittableRandom[episodes];
        double[][] current = new double[episodes][];
        boolean[] continues = new boolean[episodes];
        int[] running = new int[episodes];
        SplittableRandom[] runningGenerators = new SplittableRandom[episodes];
        double[] rowObservations = new double[episodes * dObs];
        double[] rowActions = new double[episodes * dAct];
        double[] rowLogProbabilities = new double[episodes];
        int invalid = 0;
        try {
            for (int e = 0; e < episodes; e++) {
                Environment<double[], double[]> environment = task.newEnvironment();
                environments.add(environment);
                RandomSource stream = random.derive(e);
                generators[e] = stream.generator();
                current[e] = observer.present(checked(environment.reset(stream.seed()), dObs, task, e), e);
            }
            int count = episodes;
            for (int e = 0; e < episodes; e++) {
                running[e] = e;
            }
            for (int t = 0; t < horizon && count > 0; t++) {
                gather(running, count, current, generators, rowObservations, runningGenerators, dObs);
                policy.sampleRows(theta, rowObservations, count, runningGenerators, rowActions, rowLogProbabilities);
                int kept = 0;
                for (int r = 0; r < count; r++) {
                    int e = running[r];
                    int row = e * horizon + t;
                    System.arraycopy(current[e], 0, observations, row * dObs, dObs);
                    System.arraycopy(rowActions, r * dAct, actions, row * dAct, dAct);
                    logProbabilities[row] = rowLogProbabilities[r];
                    Step<double[]> step = environments.get(e).step(Arrays.copyOfRange(rowActions, r * dAct, (r + 1) * dAct));
                    rewards[row] = step.reward();
                    terminated[row] = step.terminated();
                    truncated[row] = step.truncated() || (t == horizon - 1 && !step.terminated());
                    current[e] = observer.present(checked(step.observation(), dObs, task, e), e);
                    lengths[e] = t + 1;
                    if (step.done()) {
                        continues[e] = false;
                    }
                    else {
                        continues[e] = true;
                        running[kept++] = e;
                    }
                }
                count = kept;
            }
            for (int e = 0; e < episodes; e++) {
                System.arraycopy(current[e], 0, finals, e * dObs, dObs);
            }
            if (bootstrapSteps > 0) {
                bootstrap(environments, policy, theta, generators, current, continues, tails, running, runningGenerators, rowObservations, rowActions,
                        rowLogProbabilities, observer);
            }
            for (Environment<double[], double[]> environment : environments) {
                if (environment instanceof EpisodeValidity validity && validity.episodeInvalid()) {
                    invalid++;
                }
            }
        }
        finally {
            for (Environment<double[], double[]> environment : environments) {
                environment.close();
            }
        }
        int[] blocks = new int[episodes];
        for (int e = 0; e < episodes; e++) {
            blocks[e] = e * horizon;
        }
        return new Rollouts(buffers.batch(task.id(), blocks, lengths), tails, invalid, observer.observed());
    }

    /** The continuations of the episodes that neither terminated nor were truncated, stepping together: tails[e] = Σ_j γ^j r_j. */
    private void bootstrap(List<Environment<double[], double[]>> environments, GaussianMlpPolicy policy, double[] theta, SplittableRandom[] generators,
            double[][] current, boolean[] continues, double[] tails, int[] running, SplittableRandom[] runningGenerators, double[] rowObservations,
            double[] rowActions, double[] rowLogProbabilities, Observer observer)
    {
        int dAct = policy.actionDimension();
        int dObs = policy.observationDimension();
        double[] discounts = new double[episodes];
        int count = 0;
        for (int e = 0; e < episodes; e++) {
            if (continues[e]) {
                running[count++] = e;
                discounts[e] = 1;
            }
        }
        for (int j = 0; j < bootstrapSteps && count > 0; j++) {
            gather(running, count, current, generators, rowObservations, runningGenerators, dObs);
            policy.sampleRows(theta, rowObservations, count, runningGenerators, rowActions, rowLogProbabilities);
            int kept = 0;
            for (int r = 0; r < count; r++) {
                int e = running[r];
                Step<double[]> step = environments.get(e).step(Arrays.copyOfRange(rowActions, r * dAct, (r + 1) * dAct));
                tails[e] += discounts[e] * step.reward();
                discounts[e] *= gamma;
                current[e] = observer.present(step.observation(), e);
                if (!step.done()) {
                    running[kept++] = e;
                }
            }
            count = kept;
        }
    }

    private static void gather(int[] running, int count, double[][] current, SplittableRandom[] generators, double[] rowObservations,
            SplittableRandom[] runningGenerators, int dObs)
    {
        for (int r = 0; r < count; r++) {
            int e = running[r];
            System.arraycopy(current[e], 0, rowObservations, r * dObs, dObs);
            runningGenerators[r] = generators[e];
        }
    }

    private double continuation(Environment<double[], double[]> environment, PolicyClass policy, double[] theta, double[] observation, SplittableRandom generator,
            double[] action, Observer observer, int episode)
    {
        double value = 0;
        double discount = 1;
        double[] state = observation;
        for (int j = 0; j < bootstrapSteps; j++) {
            policy.sample(theta, state, generator, action);
            Step<double[]> step = environment.step(action.clone());
            value += discount * step.reward();
            discount *= gamma;
            state = observer.present(step.observation(), episode);
            if (step.done()) {
                break;
            }
        }
        return value;
    }

    /**
     * The rows of one round as the sampler writes them, episode e in a block of at most
     * {@code horizon} rows starting at a row of the sampler's choosing, with each episode's final
     * observation and bootstrap tail; {@link #batch} packs the blocks into a {@link TrajectoryBatch}.
     */
    private static final class RoundBuffers
    {
        final int dObs;
        final int dAct;
        final int episodes;
        final double[] observations;
        final double[] actions;
        final double[] rewards;
        final double[] logProbabilities;
        final boolean[] terminated;
        final boolean[] truncated;
        final double[] finals;
        final double[] tails;

        RoundBuffers(int episodes, int horizon, int dObs, int dAct)
        {
            int capacity = episodes * horizon;
            this.dObs = dObs;
            this.dAct = dAct;
            this.episodes = episodes;
            observations = new double[capacity * dObs];
            actions = new double[capacity * dAct];
            rewards = new double[capacity];
            logProbabilities = new double[capacity];
            terminated = new boolean[capacity];
            truncated = new boolean[capacity];
            finals = new double[episodes * dObs];
            tails = new double[episodes];
        }

        /** The batch of episodes e = 0 … in order, episode e being {@code lengths[e]} rows from row {@code blocks[e]}. */
        TrajectoryBatch batch(String taskId, int[] blocks, int[] lengths)
        {
            int[] starts = new int[episodes + 1];
            for (int e = 0; e < episodes; e++) {
                starts[e + 1] = starts[e] + lengths[e];
            }
            int rows = starts[episodes];
            double[] packedObservations = new double[rows * dObs];
            double[] packedActions = new double[rows * dAct];
            double[] packedRewards = new double[rows];
            double[] packedLogProbabilities = new double[rows];
            boolean[] packedTerminated = new boolean[rows];
            boolean[] packedTruncated = new boolean[rows];
            for (int e = 0; e < episodes; e++) {
                int from = blocks[e];
                int to = starts[e];
                int length = lengths[e];
                System.arraycopy(observations, from * dObs, packedObservations, to * dObs, length * dObs);
                System.arraycopy(actions, from * dAct, packedActions, to * dAct, length * dAct);
                System.arraycopy(rewards, from, packedRewards, to, length);
                System.arraycopy(logProbabilities, from, packedLogProbabilities, to, length);
                System.arraycopy(terminated, from, packedTerminated, to, length);
                System.arraycopy(truncated, from, packedTruncated, to, length);
            }
            return new TrajectoryBatch(taskId, dObs, dAct, starts, packedObservations, packedActions, packedRewards, packedLogProbabilities, packedTerminated,
                    packedTruncated, finals);
        }
    }

    /**
     * Presents a round's observations through its filter: the identity, or the normalisation with
     * the frozen statistics into the episode's own buffer (each presented observation is consumed
     * before the episode's next one overwrites it), recording each episode's raw observations. One
     * per round; not thread-safe.
     */
    private static final class Observer
    {
        private final ObservationNormaliser normaliser;
        private final ObservationNormaliser[] raw;
        private final double[][] normalised;
        private final Task<?, ?> task;

        Observer(ObservationFilter filter, int episodes, int dimension, Task<?, ?> task)
        {
            this.task = task;
            if (filter instanceof ObservationFilter.Frozen frozen) {
                if (frozen.statistics().dimension() != dimension) {
                    throw new IllegalArgumentException("task " + task.id() + ": the observation filter has " + frozen.statistics().dimension()
                            + " coordinates, the policy observes " + dimension);
                }
                normaliser = frozen.statistics().normaliser(frozen.clip());
                raw = new ObservationNormaliser[episodes];
                normalised = new double[episodes][dimension];
                for (int e = 0; e < episodes; e++) {
                    raw[e] = new ObservationNormaliser(dimension);
                }
            }
            else {
                normaliser = null;
                raw = null;
                normalised = null;
            }
        }

        /** The observation the policy sees; under a frozen filter the episode's buffer, valid until its next observation, the raw value recorded. */
        double[] present(double[] observation, int episode)
        {
            if (normaliser == null) {
                return observation;
            }
            checked(observation, normaliser.dimension(), task, episode);
            raw[episode].push(observation);
            normaliser.normalise(observation, normalised[episode]);
            return normalised[episode];
        }

        /** The raw statistics of the round (episodes merged in order), none under the identity. */
        Option<ObservationStatistics> observed()
        {
            if (normaliser == null) {
                return Option.none();
            }
            ObservationStatistics result = ObservationStatistics.empty(normaliser.dimension());
            for (ObservationNormaliser episode : raw) {
                result = result.merge(ObservationStatistics.of(episode));
            }
            return Option.some(result);
        }
    }

    private static double[] checked(double[] observation, int dimension, Task<?, ?> task, int episode)
    {
        if (observation.length != dimension) {
            throw new IllegalStateException("task " + task.id() + ", episode " + episode + ": observation has " + observation.length + " values, the policy expects " + dimension);
        }
        for (int i = 0; i < dimension; i++) {
            if (!Double.isFinite(observation[i])) {
                throw new ArithmeticException("task " + task.id() + ", episode " + episode + ": observation component " + i + " is " + observation[i]);
            }
        }
        return observation;
    }
}
