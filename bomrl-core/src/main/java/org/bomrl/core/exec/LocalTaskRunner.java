package org.bomrl.core.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed pool of daemon threads that end after {@value #IDLE_SECONDS} s without work (so a runner
 * that is never closed holds no threads); with one thread, work runs on the caller's thread.
 */
public final class LocalTaskRunner
        implements TaskRunner
{
    private static final long IDLE_SECONDS = 10;

    private final int threads;
    private final ExecutorService executor;

    public LocalTaskRunner(int threads)
    {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            this.executor = null;
        }
        else {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "bomrl-worker");
                thread.setDaemon(true);
                return thread;
            });
            pool.allowCoreThreadTimeOut(true);
            this.executor = pool;
        }
    }

    @Override
    public <T> List<T> runAll(List<Callable<T>> tasks)
    {
        List<T> results = new ArrayList<>(tasks.size());
        if (executor == null) {
            for (Callable<T> task : tasks) {
                results.add(call(task));
            }
            return results;
        }
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            futures.add(executor.submit(task));
        }
        try {
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
        finally {
            futures.forEach(future -> future.cancel(true));
        }
    }

    private static <T> T call(Callable<T> task)
    {
        try {
            return task.call();
        }
        catch (Exception e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable cause)
    {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    @Override
    public int parallelism()
    {
        return threads;
    }

    @Override
    public void close()
    {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
