package io.github.mlhighway.lifecycle.core.serving;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The small executor a guarded model owns for shadow calls when the caller provides none. */
final class ShadowExecutors {

    private ShadowExecutors() {
    }

    /**
     * Daemon threads, a bounded queue, and rejection (so the mirror drops work) when both are full.
     *
     * @param model    the model name, for thread names
     * @param threads  worker threads
     * @param capacity queue capacity
     * @return the executor
     */
    static ThreadPoolExecutor bounded(String model, int threads, int capacity) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "lifecycle-shadow-" + model + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                factory, new ThreadPoolExecutor.AbortPolicy());
    }
}
