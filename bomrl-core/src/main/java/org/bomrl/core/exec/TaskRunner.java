package org.bomrl.core.exec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs independent pieces of work and returns their results in submission order, so reductions
 * over them are the same whatever the backend or thread count. The local thread pool is one
 * implementation; a cluster executor is another.
 */
public interface TaskRunner
        extends AutoCloseable
{
    /** Runs every task; the first failure is rethrown (unchecked) after the others were cancelled. */
    <T> List<T> runAll(List<Callable<T>> tasks);

    /** Parallelism, for provenance. */
    int parallelism();

    @Override
    void close();
}
