package io.github.mlhighway.lifecycle.djl;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Micro-batching for serving: concurrent single-row calls are collected into one batch of at most
 * {@link Builder#maxBatchSize max batch size} rows, or whatever arrived within {@link Builder#maxDelay max delay} of
 * the batch's first row, run as <em>one</em> batched prediction, and each caller gets its own row's result.
 *
 * <pre>{@code
 * MicroBatcher<float[], Float> batcher = MicroBatcher.builder(model.newPredictor(translator))
 *     .name("rain").maxBatchSize(8).maxDelay(Duration.ofMillis(1)).queueCapacity(256).build();
 * GuardedModel<float[], Float> rain = GuardedModel.<float[], Float>builder("rain")
 *     .version("rain@1", batcher)
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li><b>One worker:</b> a daemon thread takes the requests and calls the {@link BatchFunction} one batch at a
 *       time, so the function may wrap one (not thread-safe) DJL {@link Predictor}: {@link #builder(Predictor)}
 *       uses {@link Predictor#batchPredict(List)}, which stacks the rows' {@code NDList}s along a new batch
 *       dimension (the translator's {@code Batchifier}, {@code STACK} by default) and runs one forward pass.</li>
 *   <li><b>Bounded:</b> at most {@link Builder#queueCapacity queue capacity} requests wait for a batch; one more
 *       is rejected at once with a {@link BatchQueueFullException} (never run).</li>
 *   <li><b>Failures:</b> when the batch function throws, or returns a list of the wrong size, every caller of that
 *       batch gets a {@link DjlPredictionException} with the cause; the worker goes on with the next batch.</li>
 *   <li><b>Worker failure:</b> should the worker itself fail outside a batch (the injected nano-time source
 *       throws, an {@link Error}), the batcher closes itself, every request accepted and not yet answered fails with
 *       an {@link IllegalStateException} naming the batcher and with the failure as its cause, later calls are
 *       refused, the predictor is closed, and the failure is rethrown on the worker thread (to its uncaught
 *       exception handler).</li>
 *   <li><b>Interrupts:</b> the worker clears its interrupt flag after every wait and every batch, so a batch
 *       function (or anything else) that interrupts it cannot make its waits return at once and spin.</li>
 *   <li><b>Close:</b> {@link #close()} refuses new calls, lets the worker run every request already accepted
 *       (the queue is drained in batches, without waiting for the delay), waits for it, and then the worker closes
 *       the predictor of {@link #builder(Predictor)} (not its model). Idempotent.</li>
 *   <li><b>Time:</b> the delay is measured with the {@link Builder#nanoTime injected nano-time source}: the worker
 *       reads it when it takes the first row of a batch and again after every wait, and closes the batch when
 *       the source says that max delay has passed. Waiting itself is real ({@link LockSupport#parkNanos}, at most
 *       {@value #MAX_PARK_MICROS} µs at a time, or until a caller arrives), so a test source that never moves keeps a
 *       batch open until it is full or the batcher is closed, and one that jumps is noticed within
 *       {@value #MAX_PARK_MICROS} µs.</li>
 * </ul>
 *
 * <p>Thread-safe: {@link #apply} may be called from any number of threads. A call is lock-free (a compare-and-set
 * on the queue count, an offer to a {@link ConcurrentLinkedQueue}, an unpark of the worker only when it is waiting)
 * and then parks until the worker has its result. Unlike {@link PredictorPool} it allocates per call (a request and
 * a queue node, about 56 bytes), and the worker wakes each caller with {@link LockSupport#unpark}. Batching pays off
 * when at least {@code maxBatchSize} calls are in flight and a batched forward pass costs less than that many
 * single ones; with fewer concurrent callers each batch waits the full delay. Measured in
 * {@code benchmarks/README.md} ({@code DjlPredictorBenchmark}).
 *
 * @param <I> input type (one row)
 * @param <O> output type (one row's result)
 */
public final class MicroBatcher<I, O> implements Function<I, O>, AutoCloseable {

    /** The default maximum number of rows per batch. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 8;
    /** The default maximum time a batch waits, from its first row, for more rows. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMillis(1);
    /** The default maximum number of requests waiting for a batch. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1024;
    /** The longest single wait of the worker while it collects a batch, in microseconds. */
    public static final long MAX_PARK_MICROS = 1000;

    private static final long MAX_PARK_NANOS = MAX_PARK_MICROS * 1000;
    private static final long IDLE_PARK_NANOS = 100_000_000;
    private static final int CLOSED_BIT = 1 << 30;

    private final String name;
    private final int maxBatchSize;
    private final Duration maxDelay;
    private final long maxDelayNanos;
    private final int queueCapacity;
    private final BatchFunction<I, O> function;
    private final AutoCloseable resource;
    private final LongSupplier nanoTime;
    private final ConcurrentLinkedQueue<Request<I, O>> queue = new ConcurrentLinkedQueue<>();
    /** Requests accepted and not yet taken by the worker (the bound), plus {@link #CLOSED_BIT} once closed. */
    private final AtomicInteger queued = new AtomicInteger();
    private final Thread worker;
    private volatile boolean closed;
    private volatile boolean workerWaiting;
    /** Why the worker stopped, when it failed outside a batch; null while it runs or after a normal close. */
    private volatile Throwable workerFailure;
    /** Written by the worker only. */
    private volatile long batches;
    private volatile long batchedRequests;

    private MicroBatcher(Builder<I, O> builder) {
        this.name = builder.name;
        this.maxBatchSize = builder.maxBatchSize;
        this.maxDelay = builder.maxDelay;
        this.maxDelayNanos = builder.maxDelay.toNanos();
        this.queueCapacity = builder.queueCapacity;
        this.function = builder.function;
        this.resource = builder.resource;
        this.nanoTime = builder.nanoTime;
        this.worker = new Thread(this::work, "micro-batcher-" + name);
        this.worker.setDaemon(true);
    }

    /**
     * A builder for a batcher over any batch function (called by one worker thread, one batch at a time).
     *
     * @param function runs a batch: one result per input, in the same order
     * @param <I>      input type
     * @param <O>      output type
     * @return the builder
     */
    public static <I, O> Builder<I, O> builder(BatchFunction<I, O> function) {
        return new Builder<>(Objects.requireNonNull(function, "function"), null);
    }

    /**
     * A builder for a batcher over one DJL predictor, which it owns: batches run through
     * {@link Predictor#batchPredict(List)} (one forward pass with a batch dimension), and the worker closes the
     * predictor when the batcher closes. The predictor's model is not closed: its owner closes it afterwards.
     *
     * @param predictor a predictor used by nothing else
     * @param <I>       input type
     * @param <O>       output type
     * @return the builder
     */
    public static <I, O> Builder<I, O> builder(Predictor<I, O> predictor) {
        Objects.requireNonNull(predictor, "predictor");
        return new Builder<I, O>(predictor::batchPredict, predictor).name("djl");
    }

    /**
     * Adds the input to the next batch and waits for its result.
     *
     * @param input one row
     * @return the row's result from the batched prediction
     * @throws BatchQueueFullException when {@code queueCapacity} requests are already waiting (not run)
     * @throws DjlPredictionException  when the batch this row ran in failed (cause: the batch function's exception)
     * @throws IllegalStateException   when the batcher is closed, or its worker failed before answering (cause: the
     *                                 worker's failure)
     * @throws NullPointerException    when the input is null
     */
    @Override
    public O apply(I input) {
        Objects.requireNonNull(input, "input");
        while (true) { // accepting is one compare-and-set on the count, which also carries the closed bit
            int n = queued.get();
            if ((n & CLOSED_BIT) != 0) {
                throw closedException();
            }
            if (n >= queueCapacity) {
                throw new BatchQueueFullException(name, queueCapacity);
            }
            if (queued.compareAndSet(n, n + 1)) {
                break;
            }
        }
        // accepted: the worker does not exit before it has run this request
        Request<I, O> request = new Request<>(input, Thread.currentThread());
        queue.offer(request);
        if (workerWaiting) {
            LockSupport.unpark(worker);
        }
        return request.await(this);
    }

    /** @return the batcher's name (for messages and the worker thread's name) */
    public String name() {
        return name;
    }

    /** @return the maximum number of rows per batch */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** @return the maximum time a batch waits, from its first row, for more rows */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** @return the maximum number of requests waiting for a batch */
    public int queueCapacity() {
        return queueCapacity;
    }

    /** @return the number of requests waiting for a batch right now (a snapshot) */
    public int queued() {
        return queued.get() & ~CLOSED_BIT;
    }

    /** @return the number of batches run so far (including failed ones) */
    public long batches() {
        return batches;
    }

    /** @return the number of requests run in those batches; divided by {@link #batches()}, the mean batch size */
    public long batchedRequests() {
        return batchedRequests;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Refuses new calls, runs every request already accepted, waits for the worker to finish, which then closes
     * the predictor (for {@link #builder(Predictor)}). Idempotent. If the calling thread is interrupted while it
     * waits, it returns early with its interrupt flag set; the worker still finishes and closes the predictor.
     */
    @Override
    public void close() {
        queued.getAndUpdate(n -> n | CLOSED_BIT);
        closed = true;
        LockSupport.unpark(worker);
        if (Thread.currentThread() == worker) {
            return;
        }
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        List<Request<I, O>> batch = new ArrayList<>(maxBatchSize);
        List<I> inputs = new ArrayList<>(maxBatchSize);
        try {
            collectAndRun(batch, inputs);
        } catch (Throwable e) { // outside a batch: without this, callers would wait for a dead worker forever
            workerFailure = e;
            queued.getAndUpdate(n -> n | CLOSED_BIT);
            closed = true;
            failPending(batch, e);
            throw e;
        } finally {
            closeResource();
        }
    }

    private void collectAndRun(List<Request<I, O>> batch, List<I> inputs) {
        while (true) {
            Request<I, O> first = queue.poll();
            if (first == null) {
                if (closed) {
                    if (queued() == 0) {
                        return; // no request accepted and not run: none can come any more
                    }
                    Thread.onSpinWait(); // a caller was accepted and is about to offer its request
                    continue;
                }
                waitForWork(IDLE_PARK_NANOS);
                continue;
            }
            queued.decrementAndGet();
            batch.add(first);
            long deadline = nanoTime.getAsLong() + maxDelayNanos;
            while (batch.size() < maxBatchSize) {
                Request<I, O> next = queue.poll();
                if (next != null) {
                    queued.decrementAndGet();
                    batch.add(next);
                    continue;
                }
                long remaining = deadline - nanoTime.getAsLong();
                if (closed || remaining <= 0) {
                    break;
                }
                waitForWork(Math.min(remaining, MAX_PARK_NANOS));
            }
            run(batch, inputs);
            batch.clear();
            inputs.clear();
        }
    }

    /**
     * After a failure of the worker (the batcher is marked closed already): answers the requests of the batch being
     * collected and every request accepted until then, including those whose callers are still offering them.
     */
    private void failPending(List<Request<I, O>> batch, Throwable cause) {
        for (Request<I, O> request : batch) {
            if (!request.done) {
                request.abort(cause);
            }
        }
        while (true) {
            Request<I, O> request = queue.poll();
            if (request != null) {
                queued.decrementAndGet();
                request.abort(cause);
            } else if (queued() == 0) {
                return; // closed: no more requests can be accepted
            } else {
                Thread.onSpinWait(); // a caller was accepted and is about to offer its request
            }
        }
    }

    private void waitForWork(long nanos) {
        workerWaiting = true;
        if (queue.isEmpty() && !closed) {
            LockSupport.parkNanos(this, nanos);
            Thread.interrupted(); // a set flag would make every later park return at once: a busy spin
        }
        workerWaiting = false;
    }

    private void run(List<Request<I, O>> batch, List<I> inputs) {
        for (Request<I, O> request : batch) {
            inputs.add(request.input);
        }
        List<O> results = null;
        Throwable failure = null;
        try {
            results = function.predict(inputs);
            if (results == null || results.size() != batch.size()) {
                failure = new IllegalStateException("the batch function returned "
                        + (results == null ? "null" : results.size() + " results") + " for " + batch.size()
                        + " inputs");
            }
        } catch (Throwable e) { // every caller must hear back, whatever happened
            failure = e;
        }
        Thread.interrupted(); // the function may have (re-)set the flag, which would turn the next wait into a spin
        batches = batches + 1;
        batchedRequests = batchedRequests + batch.size();
        for (int i = 0; i < batch.size(); i++) {
            if (failure == null) {
                batch.get(i).complete(results.get(i), null);
            } else {
                batch.get(i).complete(null, failure);
            }
        }
    }

    private void closeResource() {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                // the worker has no caller to tell; the batcher is closed either way
                Thread thread = Thread.currentThread();
                thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
            }
        }
    }

    private IllegalStateException closedException() {
        Throwable failure = workerFailure;
        if (failure != null) {
            return workerFailedException(failure);
        }
        return new IllegalStateException("Micro-batcher '" + name + "' is closed; it serves no more predictions");
    }

    private IllegalStateException workerFailedException(Throwable cause) {
        return new IllegalStateException("Micro-batcher '" + name + "' is closed: its worker thread failed ("
                + cause + "); it serves no more predictions", cause);
    }

    /**
     * Runs one batch. Called by the batcher's worker thread only, one batch at a time.
     *
     * @param <I> input type
     * @param <O> output type
     */
    @FunctionalInterface
    public interface BatchFunction<I, O> {
        /**
         * @param inputs the batch's rows, 1 to {@code maxBatchSize} of them (the list is reused: do not keep it)
         * @return one result per input, in the same order
         * @throws Exception when the batch fails (every caller of the batch gets a {@link DjlPredictionException})
         */
        List<O> predict(List<I> inputs) throws Exception;
    }

    /** One caller's row, result and thread. */
    private static final class Request<I, O> {
        final I input;
        final Thread caller;
        O result;
        Throwable failure;
        /** Whether the worker failed before it ran this request (the failure is the worker's, not a batch's). */
        boolean aborted;
        volatile boolean done;

        Request(I input, Thread caller) {
            this.input = input;
            this.caller = caller;
        }

        void complete(O value, Throwable error) {
            result = value;
            failure = error;
            done = true;
            LockSupport.unpark(caller);
        }

        void abort(Throwable workerFailure) {
            aborted = true;
            complete(null, workerFailure);
        }

        /** Waits uninterruptibly (the row is in a batch already), then restores the interrupt flag. */
        O await(MicroBatcher<I, O> batcher) {
            boolean interrupted = false;
            while (!done) {
                LockSupport.park(batcher);
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure == null) {
                return result;
            }
            if (aborted) {
                throw batcher.workerFailedException(failure);
            }
            if (failure instanceof Error error) {
                throw error;
            }
            String what = failure instanceof TranslateException ? "DJL failed to translate or predict"
                    : "the batch failed";
            throw new DjlPredictionException("Batched prediction by micro-batcher '" + batcher.name + "' failed ("
                    + what + "): " + failure.getMessage(), failure);
        }
    }

    /**
     * Configures a {@link MicroBatcher}; each setter validates its argument at once.
     *
     * @param <I> input type
     * @param <O> output type
     */
    public static final class Builder<I, O> {

        private final BatchFunction<I, O> function;
        private final AutoCloseable resource;
        private String name = "batcher";
        private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
        private Duration maxDelay = DEFAULT_MAX_DELAY;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private LongSupplier nanoTime = System::nanoTime;

        private Builder(BatchFunction<I, O> function, AutoCloseable resource) {
            this.function = function;
            this.resource = resource;
        }

        /**
         * @param value the batcher's name, for messages and the worker thread (default "batcher", or "djl")
         * @return this builder
         */
        public Builder<I, O> name(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("name must not be blank, got '" + value + "'");
            }
            this.name = value;
            return this;
        }

        /**
         * @param value the maximum rows per batch, at least 1 (default {@link MicroBatcher#DEFAULT_MAX_BATCH_SIZE})
         * @return this builder
         */
        public Builder<I, O> maxBatchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxBatchSize must be at least 1, got " + value);
            }
            this.maxBatchSize = value;
            return this;
        }

        /**
         * @param value how long a batch waits, from its first row, for more rows: zero (take only what is already
         *              queued) or more (default 1 ms)
         * @return this builder
         */
        public Builder<I, O> maxDelay(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("maxDelay must be zero or positive, got " + value);
            }
            this.maxDelay = value;
            return this;
        }

        /**
         * @param value the maximum number of requests waiting for a batch, 1 to 2^30 - 1 (default
         *              {@link MicroBatcher#DEFAULT_QUEUE_CAPACITY})
         * @return this builder
         */
        public Builder<I, O> queueCapacity(int value) {
            if (value < 1 || value >= CLOSED_BIT) {
                throw new IllegalArgumentException("queueCapacity must be between 1 and " + (CLOSED_BIT - 1)
                        + ", got " + value);
            }
            this.queueCapacity = value;
            return this;
        }

        /**
         * @param value the nano-time source the worker measures the delay with (default {@link System#nanoTime});
         *              tests pass a fake one
         * @return this builder
         */
        public Builder<I, O> nanoTime(LongSupplier value) {
            if (value == null) {
                throw new IllegalArgumentException("nanoTime must not be null");
            }
            this.nanoTime = value;
            return this;
        }

        /**
         * Starts the worker thread.
         *
         * @return the running batcher
         */
        public MicroBatcher<I, O> build() {
            MicroBatcher<I, O> batcher = new MicroBatcher<>(this);
            batcher.worker.start();
            return batcher;
        }
    }
}
