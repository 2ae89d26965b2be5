package org.bomrl.api.tck;

import io.vavr.control.Option;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.BoxSpace;
import org.bomrl.api.env.DiscreteSpace;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Space;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Contract tests for task distributions and their environments ({@link TaskDistribution},
 * {@link Environment}, {@link Task#exactModel()}). A plugin tests its distribution by extending this
 * class and returning a new instance from {@link #distribution()}.
 *
 * <p>Checked for every task: equal seeds and equal actions give identical trajectories (in the same
 * and in a fresh environment); {@code reset} returns an observation inside the observation space;
 * {@code step} before {@code reset} and after the episode ended throws {@link IllegalStateException};
 * an action outside the action space throws {@link IllegalArgumentException}; train and test sets are
 * non-empty with unique, non-blank ids; the fingerprint is non-blank and equal for two creations.
 * When a task has an exact model, the environment is driven to every state reachable within the
 * horizon and each action is sampled there {@link #transitionSamples()} times: every observed
 * transition must have P(s'|s,a) &gt; 0 and the model's reward r(s,a,s') exactly, every empirical
 * frequency must be within {@value #FREQUENCY_TOLERANCE} of P(s'|s,a), reset states must have
 * ρ(s) &gt; 0, states where the environment terminates must be absorbing with zero reward in the
 * model, and episodes must be truncated exactly at the model's horizon (one episode that avoids
 * terminating states is played to the horizon when possible).
 *
 * <p>The defaults handle the standard encodings: {@code Integer} in a {@link DiscreteSpace},
 * {@code double[]} in a {@link BoxSpace}; override the hooks for others.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public abstract class EnvironmentContract<O, A>
{
    /** Root seed of every random stream of the contract. */
    protected static final long SEED = 20241012L;
    /** Seeds tried for reset and trajectory checks. */
    protected static final int SEEDS = 3;
    /** Longest trajectory compared step by step. */
    protected static final int TRAJECTORY_STEPS = 300;
    /** Steps allowed for an episode to end in {@link #stepAfterEpisodeEndThrows()}; longer episodes skip the check. */
    protected static final int MAX_EPISODE_STEPS = 100_000;
    /** Default samples of each reachable (s, a) in the exact-model check. */
    protected static final int TRANSITION_SAMPLES = 4000;
    /** Allowed |empirical frequency − P(s'|s,a)|; at 4000 samples, ≥ 6 standard deviations. */
    protected static final double FREQUENCY_TOLERANCE = 0.05;
    /** Steps allowed per required sample before the exact-model check gives up on reaching a state. */
    protected static final int STEPS_PER_SAMPLE = 60;
    /** Episodes tried for one that lasts until the horizon. */
    protected static final int TRUNCATION_EPISODES = 20;
    /** Discount of the steering values that lead the agent to states still short of samples. */
    private static final double STEERING_DISCOUNT = 0.9;
    private static final double STEERING_PRECISION = 1e-10;
    private static final int STEERING_SWEEPS = 2000;

    /** A new instance of the distribution under test; called more than once. */
    protected abstract TaskDistribution<O, A> distribution();

    /** Samples of each reachable (s, a) in the exact-model check; override to trade time for precision. */
    protected int transitionSamples()
    {
        return TRANSITION_SAMPLES;
    }

    /** A random valid action; the default handles {@code Integer} in a discrete space and {@code double[]} in a box. */
    @SuppressWarnings("unchecked")
    protected A randomAction(Space actionSpace, RandomGenerator random)
    {
        if (actionSpace instanceof DiscreteSpace discrete) {
            return (A) Integer.valueOf(random.nextInt(discrete.n()));
        }
        BoxSpace box = (BoxSpace) actionSpace;
        double[] low = box.low();
        double[] high = box.high();
        double[] action = new double[low.length];
        for (int i = 0; i < action.length; i++) {
            double lo = Double.isFinite(low[i]) ? low[i] : -1;
            double hi = Double.isFinite(high[i]) ? high[i] : lo + 2;
            action[i] = lo + (Math.max(hi, lo) - lo) * random.nextDouble();
        }
        return (A) action;
    }

    /** Actions outside the action space; the default gives n and −1 for Discrete(n), an over-long vector (and one above a finite bound) for a box. */
    @SuppressWarnings("unchecked")
    protected List<A> actionsOutside(Space actionSpace)
    {
        if (actionSpace instanceof DiscreteSpace discrete) {
            return List.of((A) Integer.valueOf(discrete.n()), (A) Integer.valueOf(-1));
        }
        BoxSpace box = (BoxSpace) actionSpace;
        List<A> actions = new ArrayList<>();
        actions.add((A) new double[box.dimension() + 1]);
        double[] high = box.high();
        if (Double.isFinite(high[0])) {
            double[] above = box.low().clone();
            for (int i = 0; i < above.length; i++) {
                above[i] = Double.isFinite(above[i]) ? above[i] : 0;
            }
            above[0] = high[0] + 1;
            actions.add((A) above);
        }
        return actions;
    }

    /** Whether {@code observation} lies in {@code space}. */
    protected boolean contains(Space space, O observation)
    {
        if (space instanceof DiscreteSpace discrete) {
            return observation instanceof Integer value && discrete.contains(value);
        }
        BoxSpace box = (BoxSpace) space;
        if (!(observation instanceof double[] values) || values.length != box.dimension()) {
            return false;
        }
        double[] low = box.low();
        double[] high = box.high();
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= low[i] && values[i] <= high[i])) {
                return false;
            }
        }
        return true;
    }

    /** The model's state index of an observation of a tabular task. */
    protected int stateIndex(O observation)
    {
        return (Integer) observation;
    }

    /** The action with the model's index {@code index}, for tabular tasks. */
    @SuppressWarnings("unchecked")
    protected A action(int index)
    {
        return (A) Integer.valueOf(index);
    }

    @Test
    public void testSetIsNonEmptyAndTasksAreFoundByIdWithUniqueIds()
    {
        TaskDistribution<O, A> distribution = distribution();
        assertThat(distribution.testTasks()).as("test tasks").isNotEmpty();
        for (List<Task<O, A>> tasks : List.of(distribution.trainTasks(), distribution.testTasks())) {
            List<String> ids = tasks.stream().map(Task::id).toList();
            assertThat(ids).as("task ids").doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isNotBlank());
            for (Task<O, A> task : tasks) {
                assertThat(distribution.task(task.id()).id()).as("task found by its id").isEqualTo(task.id());
            }
        }
    }

    @Test
    public void trainingBatchesAreSeededAndRebuildableFromTheirIds()
    {
        TaskDistribution<O, A> distribution = distribution();
        List<Task<O, A>> first = distribution.sampleTrainTasks(3, RandomSource.seeded(SEED).generator());
        List<Task<O, A>> second = distribution.sampleTrainTasks(3, RandomSource.seeded(SEED).generator());
        assertThat(first).as("a sampled training batch").isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(first.stream().map(Task::id).toList()).as("the same seed draws the same tasks").isEqualTo(second.stream().map(Task::id).toList());
        if (!distribution.trainTasks().isEmpty()) {
            assertThat(first).as("sampled from the listed train tasks").isSubsetOf(distribution.trainTasks());
        }
        for (Task<O, A> task : first) {
            assertThat(distribution.task(task.id()).id()).as("a sampled task rebuilt from its id").isEqualTo(task.id());
        }
    }

    @Test
    public void fingerprintIsStableAndNotBlank()
    {
        String first = distribution().fingerprint();
        String second = distribution().fingerprint();
        assertThat(first).as("fingerprint").isNotBlank();
        assertThat(second).as("fingerprint of a second creation").isEqualTo(first);
    }

    @Test
    public void resetReturnsAnObservationInsideTheSpace()
    {
        for (Task<O, A> task : tasks()) {
            try (Environment<O, A> environment = task.newEnvironment()) {
                for (int seed = 0; seed < SEEDS; seed++) {
                    O observation = environment.reset(seedOf(task, seed));
                    assertThat(contains(environment.observationSpace(), observation))
                            .as("task %s: reset observation %s inside %s", task.id(), show(observation), environment.observationSpace())
                            .isTrue();
                }
            }
        }
    }

    @Test
    public void equalSeedsAndActionsGiveIdenticalTrajectories()
    {
        for (Task<O, A> task : tasks()) {
            for (int seed = 0; seed < SEEDS; seed++) {
                long resetSeed = seedOf(task, seed);
                RandomGenerator random = RandomSource.seeded(SEED).derive("trajectory").derive(task.id()).derive(seed).generator();
                List<A> actions = new ArrayList<>();
                List<Object[]> first;
                try (Environment<O, A> environment = task.newEnvironment()) {
                    first = run(environment, resetSeed, actions, random);
                    List<Object[]> again = replay(environment, resetSeed, actions);
                    assertThat(Arrays.deepEquals(again.toArray(), first.toArray()))
                            .as("task %s, seed %d: the same environment reset with the same seed repeats %s", task.id(), resetSeed, describe(first))
                            .isTrue();
                }
                try (Environment<O, A> fresh = task.newEnvironment()) {
                    List<Object[]> second = replay(fresh, resetSeed, actions);
                    assertThat(Arrays.deepEquals(second.toArray(), first.toArray()))
                            .as("task %s, seed %d: a new environment repeats %s, got %s", task.id(), resetSeed, describe(first), describe(second))
                            .isTrue();
                }
            }
        }
    }

    @Test
    public void stepBeforeResetThrows()
    {
        RandomGenerator random = RandomSource.seeded(SEED).derive("before-reset").generator();
        for (Task<O, A> task : tasks()) {
            try (Environment<O, A> environment = task.newEnvironment()) {
                A action = randomAction(environment.actionSpace(), random);
                assertThatThrownBy(() -> environment.step(action)).as("task %s: step before reset", task.id())
                        .isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    public void stepAfterEpisodeEndThrows()
    {
        boolean checked = false;
        for (Task<O, A> task : tasks()) {
            RandomGenerator random = RandomSource.seeded(SEED).derive("episode-end").derive(task.id()).generator();
            try (Environment<O, A> environment = task.newEnvironment()) {
                long seed = seedOf(task, 0);
                environment.reset(seed);
                boolean done = false;
                for (int i = 0; i < MAX_EPISODE_STEPS && !done; i++) {
                    done = environment.step(randomAction(environment.actionSpace(), random)).done();
                }
                if (!done) {
                    continue;
                }
                checked = true;
                A action = randomAction(environment.actionSpace(), random);
                assertThatThrownBy(() -> environment.step(action)).as("task %s: step after the episode ended", task.id())
                        .isInstanceOf(IllegalStateException.class);
                environment.reset(seed);
                assertThat(environment.step(action)).as("task %s: step after a new reset", task.id()).isNotNull();
            }
        }
        assumeTrue(checked, "no episode ended within " + MAX_EPISODE_STEPS + " random steps");
    }

    @Test
    public void actionOutsideTheSpaceThrows()
    {
        for (Task<O, A> task : tasks()) {
            try (Environment<O, A> environment = task.newEnvironment()) {
                for (A action : actionsOutside(environment.actionSpace())) {
                    environment.reset(seedOf(task, 0));
                    assertThatThrownBy(() -> environment.step(action))
                            .as("task %s: action %s outside %s", task.id(), show(action), environment.actionSpace())
                            .isInstanceOf(IllegalArgumentException.class);
                }
            }
        }
    }

    /** Every exact tabular model agrees with its environment; a distribution is tabular exactly when all its tasks have one. */
    @Test
    public void exactModelMatchesTheEnvironment()
    {
        boolean all = true;
        for (Task<O, A> task : tasks()) {
            Option<TabularMdp> model = task.exactModel();
            if (model.isDefined()) {
                new ModelCheck(task, model.get()).run();
            }
            all &= model.isDefined();
        }
        assertThat(distribution().tabular()).as("tabular() when every task has an exact model").isEqualTo(all && !distribution().trainTasks().isEmpty());
    }

    /** Train and test tasks, each once (by id). */
    protected final List<Task<O, A>> tasks()
    {
        TaskDistribution<O, A> distribution = distribution();
        Map<String, Task<O, A>> byId = new LinkedHashMap<>();
        distribution.trainTasks().forEach(task -> byId.putIfAbsent(task.id(), task));
        distribution.testTasks().forEach(task -> byId.putIfAbsent(task.id(), task));
        return List.copyOf(byId.values());
    }

    private static long seedOf(Task<?, ?> task, int index)
    {
        return RandomSource.seeded(SEED).derive("reset").derive(task.id()).derive(index).seed();
    }

    /** Runs up to {@link #TRAJECTORY_STEPS} random actions, recording them in {@code actions}. */
    private List<Object[]> run(Environment<O, A> environment, long seed, List<A> actions, RandomGenerator random)
    {
        List<Object[]> trajectory = new ArrayList<>();
        trajectory.add(new Object[] {environment.reset(seed)});
        for (int i = 0; i < TRAJECTORY_STEPS; i++) {
            A action = randomAction(environment.actionSpace(), random);
            actions.add(action);
            Step<O> step = environment.step(action);
            trajectory.add(new Object[] {step.observation(), step.reward(), step.terminated(), step.truncated()});
            if (step.done()) {
                break;
            }
        }
        return trajectory;
    }

    private static <O, A> List<Object[]> replay(Environment<O, A> environment, long seed, List<A> actions)
    {
        List<Object[]> trajectory = new ArrayList<>();
        trajectory.add(new Object[] {environment.reset(seed)});
        for (A action : actions) {
            Step<O> step = environment.step(action);
            trajectory.add(new Object[] {step.observation(), step.reward(), step.terminated(), step.truncated()});
        }
        return trajectory;
    }

    private static String describe(List<Object[]> trajectory)
    {
        return trajectory.size() + " steps starting " + Arrays.deepToString(trajectory.subList(0, Math.min(4, trajectory.size())).toArray());
    }

    private static String show(Object value)
    {
        return Arrays.deepToString(new Object[] {value});
    }

    /**
     * Drives one task's environment to every (s, a) reachable within the horizon until each has
     * {@link #transitionSamples()} samples, steering by discounted reachability values toward the
     * states still short of samples, and compares what it sees with the model.
     */
    private final class ModelCheck
    {
        private final Task<O, A> task;
        private final TabularMdp mdp;
        private final int states;
        private final int actions;
        private final int samples;
        private final int[][] successors;
        private final long[] counts;
        private final long[] visits;
        private final boolean[] reachable;
        private final boolean[] terminal;
        private final double[] value;
        private final RandomGenerator random;

        ModelCheck(Task<O, A> task, TabularMdp mdp)
        {
            this.task = task;
            this.mdp = mdp;
            this.states = mdp.states();
            this.actions = mdp.actions();
            this.samples = transitionSamples();
            this.successors = new int[states * actions][];
            for (int sa = 0; sa < states * actions; sa++) {
                List<Integer> next = new ArrayList<>();
                for (int y = 0; y < states; y++) {
                    if (mdp.transition(sa / actions, sa % actions, y) > 0) {
                        next.add(y);
                    }
                }
                successors[sa] = next.stream().mapToInt(Integer::intValue).toArray();
            }
            this.counts = new long[states * actions * states];
            this.visits = new long[states * actions];
            this.reachable = reachableWithinHorizon();
            this.terminal = new boolean[states];
            this.value = new double[states];
            this.random = RandomSource.seeded(SEED).derive("model").derive(task.id()).generator();
        }

        void run()
        {
            long budget = (long) STEPS_PER_SAMPLE * samples * states * actions;
            long steps = 0;
            updateSteering();
            try (Environment<O, A> environment = task.newEnvironment()) {
                while (steps < budget && anyNeedy()) {
                    int state = reset(environment);
                    steps++;
                    int t = 0;
                    while (steps < budget && value[state] > 0) {
                        int action = choose(state);
                        Step<O> step = environment.step(action(action));
                        steps++;
                        t++;
                        int next = observe(environment, state, action, step, t);
                        if (visits[state * actions + action] == samples || (step.terminated() && !terminal[next])) {
                            terminal[next] |= step.terminated();
                            updateSteering();
                        }
                        if (step.done()) {
                            break;
                        }
                        state = next;
                    }
                }
                checkTruncation(environment);
            }
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions && needy(s); a++) {
                    assertThat(visits[s * actions + a])
                            .as("task %s: samples of (s=%d, a=%d) after %d steps; the state is reachable within the horizon in the model", task.id(), s, a,
                                    steps)
                            .isGreaterThanOrEqualTo(samples);
                }
            }
            compareFrequencies();
        }

        /**
         * Plays up to {@link #TRUNCATION_EPISODES} episodes with the action least likely to enter a
         * state where the environment terminated; the first that survives must be truncated exactly
         * at the horizon (checked step by step in {@link #observe}).
         */
        private void checkTruncation(Environment<O, A> environment)
        {
            if (!mdp.finiteHorizon() || mdp.horizon() > MAX_EPISODE_STEPS) {
                return;
            }
            for (int episode = 0; episode < TRUNCATION_EPISODES; episode++) {
                int state = reset(environment);
                for (int t = 1; t <= mdp.horizon(); t++) {
                    int action = safest(state);
                    Step<O> step = environment.step(action(action));
                    int next = observe(environment, state, action, step, t);
                    if (step.terminated()) {
                        terminal[next] = true;
                        break;
                    }
                    if (step.truncated()) {
                        return;
                    }
                    state = next;
                }
            }
        }

        /** The action with the least probability of entering a known terminal state, ties at random. */
        private int safest(int state)
        {
            double best = Double.POSITIVE_INFINITY;
            int chosen = 0;
            int ties = 0;
            for (int a = 0; a < actions; a++) {
                double risk = 0;
                for (int next : successors[state * actions + a]) {
                    risk += terminal[next] ? mdp.transition(state, a, next) : 0;
                }
                if (risk < best - STEERING_PRECISION) {
                    best = risk;
                    chosen = a;
                    ties = 1;
                }
                else if (risk <= best + STEERING_PRECISION && random.nextInt(++ties) == 0) {
                    chosen = a;
                }
            }
            return chosen;
        }

        private int reset(Environment<O, A> environment)
        {
            O observation = environment.reset(random.nextLong());
            int state = stateIndex(observation);
            assertThat(mdp.initial(state)).as("task %s: ρ(%d) of the reset state", task.id(), state).isGreaterThan(0.0);
            return state;
        }

        /** Checks one transition against the model (plain checks: this runs millions of times) and counts it. */
        private int observe(Environment<O, A> environment, int state, int action, Step<O> step, int t)
        {
            if (!contains(environment.observationSpace(), step.observation())) {
                fail("task " + task.id() + ": observation " + show(step.observation()) + " outside " + environment.observationSpace());
            }
            int next = stateIndex(step.observation());
            if (mdp.transition(state, action, next) == 0) {
                fail("task " + task.id() + ": the environment moved (s=" + state + ", a=" + action + ") -> " + next + ", which has probability 0 in the model");
            }
            if (step.reward() != mdp.reward(state, action, next)) {
                fail("task " + task.id() + ": reward " + step.reward() + " on (s=" + state + ", a=" + action + ", s'=" + next + "), model r(s,a,s') = "
                        + mdp.reward(state, action, next));
            }
            if (step.terminated() && !terminal[next]) {
                for (int a = 0; a < actions; a++) {
                    if (mdp.transition(next, a, next) != 1 || mdp.reward(next, a, next) != 0) {
                        fail("task " + task.id() + ": the environment terminates in state " + next + " but the model does not make it absorbing with zero reward"
                                + " (a=" + a + ": P(s|s,a) = " + mdp.transition(next, a, next) + ", r = " + mdp.reward(next, a, next) + ")");
                    }
                }
            }
            if (mdp.finiteHorizon() && (t > mdp.horizon() || !step.terminated() && step.truncated() != (t == mdp.horizon()))) {
                fail("task " + task.id() + ": step " + t + " of an episode with a " + mdp.horizon() + "-step horizon has terminated = " + step.terminated()
                        + ", truncated = " + step.truncated() + "; episodes must be truncated exactly at the horizon");
            }
            counts[(state * actions + action) * states + next]++;
            visits[state * actions + action]++;
            return next;
        }

        private void compareFrequencies()
        {
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    long n = visits[s * actions + a];
                    if (n < samples) {
                        continue;
                    }
                    for (int y = 0; y < states; y++) {
                        double frequency = counts[(s * actions + a) * states + y] / (double) n;
                        double p = mdp.transition(s, a, y);
                        assertThat(Math.abs(frequency - p))
                                .as("task %s: |frequency − P| of (s=%d, a=%d) -> %d: %s observed in %d samples vs P = %s", task.id(), s, a, y, frequency, n, p)
                                .isLessThan(FREQUENCY_TOLERANCE);
                    }
                }
            }
        }

        /** At a state short of samples: its least-sampled action; elsewhere: greedy in the steering values, ties at random. */
        private int choose(int state)
        {
            if (needy(state)) {
                int best = 0;
                for (int a = 1; a < actions; a++) {
                    if (visits[state * actions + a] < visits[state * actions + best]) {
                        best = a;
                    }
                }
                return best;
            }
            double best = Double.NEGATIVE_INFINITY;
            int chosen = 0;
            int ties = 0;
            for (int a = 0; a < actions; a++) {
                double q = expectedValue(state, a);
                if (q > best + STEERING_PRECISION) {
                    best = q;
                    chosen = a;
                    ties = 1;
                }
                else if (q >= best - STEERING_PRECISION && random.nextInt(++ties) == 0) {
                    chosen = a;
                }
            }
            return chosen;
        }

        private boolean needy(int state)
        {
            if (!reachable[state] || terminal[state]) {
                return false;
            }
            for (int a = 0; a < actions; a++) {
                if (visits[state * actions + a] < samples) {
                    return true;
                }
            }
            return false;
        }

        private boolean anyNeedy()
        {
            for (int s = 0; s < states; s++) {
                if (needy(s)) {
                    return true;
                }
            }
            return false;
        }

        /** V(s) = 1 at states short of samples, else β·max_a Σ P(s'|s,a) V(s'), 0 at known terminal states. */
        private void updateSteering()
        {
            Arrays.fill(value, 0);
            for (int sweep = 0; sweep < STEERING_SWEEPS; sweep++) {
                double change = 0;
                for (int s = 0; s < states; s++) {
                    double updated;
                    if (needy(s)) {
                        updated = 1;
                    }
                    else if (terminal[s]) {
                        updated = 0;
                    }
                    else {
                        updated = 0;
                        for (int a = 0; a < actions; a++) {
                            updated = Math.max(updated, STEERING_DISCOUNT * expectedValue(s, a));
                        }
                    }
                    change = Math.max(change, Math.abs(updated - value[s]));
                    value[s] = updated;
                }
                if (change < STEERING_PRECISION) {
                    return;
                }
            }
        }

        private double expectedValue(int state, int action)
        {
            double sum = 0;
            for (int next : successors[state * actions + action]) {
                sum += mdp.transition(state, action, next) * value[next];
            }
            return sum;
        }

        /** States at model distance ≤ H − 1 from ρ (any distance for an infinite horizon): breadth-first search over P &gt; 0. */
        private boolean[] reachableWithinHorizon()
        {
            int[] distance = new int[states];
            Arrays.fill(distance, -1);
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int s = 0; s < states; s++) {
                if (mdp.initial(s) > 0) {
                    distance[s] = 0;
                    queue.add(s);
                }
            }
            long limit = mdp.finiteHorizon() ? mdp.horizon() - 1L : Long.MAX_VALUE;
            while (!queue.isEmpty()) {
                int s = queue.poll();
                if (distance[s] >= limit) {
                    continue;
                }
                for (int a = 0; a < actions; a++) {
                    for (int y : successors[s * actions + a]) {
                        if (distance[y] < 0) {
                            distance[y] = distance[s] + 1;
                            queue.add(y);
                        }
                    }
                }
            }
            boolean[] reachable = new boolean[states];
            for (int s = 0; s < states; s++) {
                reachable[s] = distance[s] >= 0;
            }
            return reachable;
        }
    }
}
