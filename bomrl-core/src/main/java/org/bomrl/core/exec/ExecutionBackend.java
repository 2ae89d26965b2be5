package org.bomrl.core.exec;

import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.loop.TaskLearner;
import org.bomrl.core.loop.UnitExecutor;

import java.util.List;
import java.util.function.Function;

/**
 * Where a run's work units execute, chosen by {@code execution.backend}: {@code local} (a thread
 * pool in this JVM, the default) or a backend found on the class path by
 * {@link java.util.ServiceLoader} (e.g. a cluster). Whatever the backend, units are reduced in unit
 * order, so results do not depend on it.
 */
public interface ExecutionBackend
{
    /** The value of {@code execution.backend} that selects this backend. */
    String name();

    /** The backend's own keys under {@code execution.*}, with defaults. */
    List<SettingSpec> settings();

    /**
     * Opens the backend for one run; the returned executor is closed when the run ends.
     *
     * @param learners this JVM's learners by name (a remote backend rebuilds them from {@code run} instead)
     * @param threads the run's {@code experiment.threads}
     */
    Execution open(Settings settings, RunDescription run, TaskDistribution<?, ?> distribution, Function<String, TaskLearner> learners, int threads);

    /** An open backend. */
    interface Execution
            extends UnitExecutor, AutoCloseable
    {
        /** Parallelism, for provenance. */
        int parallelism();

        @Override
        void close();
    }
}
