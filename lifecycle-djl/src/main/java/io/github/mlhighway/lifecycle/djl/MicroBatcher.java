package io.github.mlhighway.lifecycle.djl;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Micro-batching for serving: concurrent single-row calls are collected into batches of at most
 * {@link Builder#maxBatchSize max batch size} rows, each run as <em>one</em> batched prediction (with
 * {@link #builder(Model, BatchTranslator)}: one input array, one forward pass, one output read), and each caller gets
 * its own row's result.
 *
 * <pre>{@code
 * SloRegistry slos = SloRegistry.create(Clock.systemUTC());
 * MicroBatcher<float[], Float> batcher = MicroBatcher.builder(model, new ProbabilityTranslator(11))
 *     .name("rain").workers(2).maxBatchSize(64).maxDelay(Duration.ofMillis(1)).queueCapacity(1024)
 *     .listener(BatchSlis.builder(slos, "rain.version.rain_1").build())
 *     .build();
 * GuardedModel<float[], Float> rain = GuardedModel.<float[], Float>builder("rain")
 *     .sloRegistry(slos)
 *     .version("rain@1", batcher)
 *     .build();
 * }</pre>
 *
 * <h2>How a batch forms</h2>
 * <ul>
 *   <li><b>Workers:</b> the batcher has {@link Builder#workers workers}, each with its own predictor (or batch
 *       function). A call queues its row, then takes a free worker if there is one and <em>leads</em> a batch on its
 *       own thread: it takes what is queued at once (its own row and the rows queued before it, up to the max batch
 *       size), runs the batch, answers every caller in it and gives the worker back. A call that finds every worker
 *       busy waits; the leader of a batch that leaves rows queued wakes the oldest waiting caller to lead the next
 *       batch on a free worker. So batching and parallelism combine: up to {@code workers} batches run at once, and
 *       rows that arrive while they run form the next ones. There is no hand-off to a background thread: a lone
 *       caller runs its own row on its own thread, as fast as a predictor of its own.</li>
 *   <li><b>Delay:</b> a batch that is not full waits for more rows, up to the {@link Builder#maxDelay max delay}
 *       counted from its oldest row's arrival, only while more calls are in flight than are in batches (calls that
 *       are queued behind it, or were just answered and have not returned yet); a lone caller, or a batch that holds
 *       every call in flight, runs at once. A caller arriving while a batch waits joins it and wakes its leader.</li>
 *   <li><b>Bounded:</b> at most {@link Builder#queueCapacity queue capacity} rows wait for a batch; one more is
 *       rejected at once with a {@link BatchQueueFullException} (never run).</li>
 *   <li><b>Failures:</b> when a batch fails (the predictor or batch function throws, returns a wrong number of
 *       results, or the injected time source throws), exactly the callers of that batch get a
 *       {@link DjlPredictionException} with the cause (an {@link Error} is rethrown as it is); other batches are
 *       not affected.</li>
 *   <li><b>SLIs:</b> every batch adds to {@link #stats()} (batches, rows, failed batches, largest batch, queue wait,
 *       forward time) and is reported to the {@link Builder#listener listener}, e.g. {@link BatchSlis}, which records
 *       batch size, queue wait and forward time on SLO trackers in the guarded model's SLO registry.</li>
 *   <li><b>Close:</b> {@link #close()} refuses new calls, waits for the running batches, runs every row still
 *       queued (in batches, without the delay), then closes the predictors the batcher created or was given (never
 *       the model). Idempotent.</li>
 *   <li><b>Time:</b> queue waits, forward times and the delay are measured with the
 *       {@link Builder#nanoTime injected nano-time source}, read when a call arrives and around each batch. Waiting
 *       itself is real ({@link LockSupport#parkNanos}, at most {@value #MAX_PARK_MICROS} µs at a time, or until a
 *       caller arrives), so a test source that never moves keeps a batch open until it is full, every call in
 *       flight is in it, or the batcher is closed.</li>
 * </ul>
 *
 * <p>Thread-safe and lock-free: a call is a compare-and-set on the queue count, an offer to a
 * {@link ConcurrentLinkedQueue}, a compare-and-set for a worker, and a park until its batch is answered. It
 * allocates a request and a queue node per call (about 64 bytes) besides what the predictor allocates per batch.
 * Measured in {@code benchmarks/README.md} ({@code DjlPredictorBenchmark}).
 *
 * @param <I> input type (one row)
 * @param <O> output type (one row's result)
 * @since 0.1
 */
public final class MicroBatcher<I, O> implements Function<I, O>, AutoCloseable {

    /** The default maximum number of rows per batch. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 64;
    /** The default maximum time a batch waits, from its oldest row's arrival, for more rows. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofNanos(200_000);
    /** The default maximum number of rows waiting for a batch. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1024;
    /** The default number of workers (predictors). */
    public static final int DEFAULT_WORKERS = 1;
    /** The largest number of workers. */
    public static final int MAX_WORKERS = 256;
    /** The longest single wait of a leader while it collects a batch, in microseconds. */
    public static final long MAX_PARK_MICROS = 1000;

    private static final long MAX_PARK_NANOS = MAX_PARK_MICROS * 1000;
    private static final long CLOSE_POLL_NANOS = 100_000;
    private static final int CLOSED_BIT = 1 << 30;

    private final String name;
    private final int maxBatchSize;
    private final Duration maxDelay;
    private final long maxDelayNanos;
    private final int queueCapacity;
    private final LongSupplier nanoTime;
    private final @Nullable BatchListener listener;
    private final Worker<I, O>[] workers;
    private final ConcurrentLinkedQueue<Request<I, O>> queue = new ConcurrentLinkedQueue<>();
    /** Rows accepted and not yet taken into a batch (the bound), plus {@link #CLOSED_BIT} once closed. */
    private final AtomicInteger queued = new AtomicInteger();
    /** Calls accepted and not yet returned. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Rows taken into a batch and not yet answered. */
    private final AtomicInteger batched = new AtomicInteger();
    /** The leader waiting for more rows, if any: arriving callers wake it. */
    private final AtomicReference<Thread> collector = new AtomicReference<>();
    private final AtomicBoolean closeStarted = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean closed;

    private final LongAdder batches = new LongAdder();
    private final LongAdder rows = new LongAdder();
    private final LongAdder failedBatches = new LongAdder();
    private final LongAdder queueWaitNanos = new LongAdder();
    private final LongAdder forwardNanos = new LongAdder();
    private final AtomicInteger largestBatch = new AtomicInteger();

    private MicroBatcher(Builder<I, O> builder, Worker<I, O>[] workers) {
        this.name = builder.name;
        this.maxBatchSize = builder.maxBatchSize;
        this.maxDelay = builder.maxDelay;
        this.maxDelayNanos = builder.maxDelay.toNanos();
        this.queueCapacity = builder.queueCapacity;
        this.nanoTime = builder.nanoTime;
        this.listener = builder.listener;
        this.workers = workers;
    }

    /**
     * A builder for a batcher over a model and a batch translator: each worker gets its own
     * {@link BatchPredictor} (one input array, one forward pass, one output read per batch), which the batcher closes
     * when it closes. The model is not closed: its owner closes it afterwards.
     *
     * @param model      the model
     * @param translator the batch translator, e.g. {@link ProbabilityTranslator}
     * @param <I>        input type
     * @param <O>        output type
     * @return the builder
     */
    public static <I, O> Builder<I, O> builder(Model model, BatchTranslator<I, O> translator) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(translator, "translator");
        return new Builder<I, O>(() -> {
            BatchPredictor<I, O> predictor = new BatchPredictor<>(model, translator);
            return new Worker<>(predictor::batchPredict, predictor);
        }, true).name(model.getName() != null ? model.getName() : "djl");
    }

    /**
     * A builder for a batcher over one DJL predictor, which it owns: batches run through
     * {@link Predictor#batchPredict(List)} (the translator's batch form; by default one array per row, stacked by the
     * batchifier), and the predictor is closed when the batcher closes (not its model). One predictor means one
     * worker.
     *
     * @param predictor a predictor used by nothing else
     * @param <I>       input type
     * @param <O>       output type
     * @return the builder
     */
    public static <I, O> Builder<I, O> builder(Predictor<I, O> predictor) {
        Objects.requireNonNull(predictor, "predictor");
        return new Builder<I, O>(() -> new Worker<>(predictor::batchPredict, predictor), false).name("djl");
    }

    /**
     * A builder for a batcher over any batch function. With more than one {@link Builder#workers worker} the
     * function is called from up to that many threads at once, so it must be thread-safe then.
     *
     * @param function runs a batch: one result per input, in the same order
     * @param <I>      input type
     * @param <O>      output type
     * @return the builder
     */
    public static <I, O> Builder<I, O> builder(BatchFunction<I, O> function) {
        Objects.requireNonNull(function, "function");
        return new Builder<>(() -> new Worker<>(function, null), true);
    }

    /**
     * Adds the input to the next batch and waits for its result (leading the batch on this thread when a worker is
     * free).
     *
     * @param input one row
     * @return the row's result from the batched prediction
     * @throws BatchQueueFullException when {@code queueCapacity} rows are already waiting (not run)
     * @throws DjlPredictionException  when the batch this row ran in failed (cause: the batch's exception)
     * @throws IllegalStateException   when the batcher is closed
     * @throws NullPointerException    when the input is null
     */
    @Override
    public O apply(I input) {
        Objects.requireNonNull(input, "input");
        long arrived = nanoTime.getAsLong();
        accept();
        inFlight.incrementAndGet();
        Thread me = Thread.currentThread();
        Request<I, O> request = new Request<>(input, me, arrived);
        boolean interrupted = false;
        try {
            queue.offer(request);
            while (!request.done) {
                Thread waiting = collector.get();
                if (waiting != null && waiting != me) {
                    LockSupport.unpark(waiting); // a batch is being collected: join it
                } else {
                    Worker<I, O> worker = tryAcquire(me);
                    if (worker != null) {
                        interrupted |= lead(worker, request);
                        continue;
                    }
                }
                if (request.done) {
                    break;
                }
                LockSupport.park(this);
                interrupted |= Thread.interrupted(); // the row is queued already: wait on, restore the flag later
            }
        } finally {
            inFlight.decrementAndGet();
            if (interrupted) {
                me.interrupt();
            }
        }
        return request.outcome(this);
    }

    /** @return the batcher's name (for messages) */
    public String name() {
        return name;
    }

    /** @return the number of workers (predictors, batches that can run at once) */
    public int workers() {
        return workers.length;
    }

    /** @return the maximum number of rows per batch */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** @return the maximum time a batch waits, from its oldest row's arrival, for more rows */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** @return the maximum number of rows waiting for a batch */
    public int queueCapacity() {
        return queueCapacity;
    }

    /** @return the number of rows waiting for a batch right now (a snapshot) */
    public int queued() {
        return queued.get() & ~CLOSED_BIT;
    }

    /** @return the number of calls accepted and not yet returned right now (a snapshot) */
    public int inFlight() {
        return inFlight.get();
    }

    /** @return the number of batches run so far (including failed ones) */
    public long batches() {
        return batches.sum();
    }

    /** @return the number of rows run in those batches; divided by {@link #batches()}, the mean batch size */
    public long batchedRequests() {
        return rows.sum();
    }

    /** @return the batch SLIs so far (a snapshot; the counters are read one after the other) */
    public BatchStats stats() {
        return new BatchStats(batches.sum(), rows.sum(), failedBatches.sum(), largestBatch.get(),
                queueWaitNanos.sum(), forwardNanos.sum());
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Refuses new calls, waits for the running batches, runs every row still queued (without the delay), then closes
     * the predictors (never the model). Idempotent; a second caller waits until the first has finished.
     *
     * @throws IllegalStateException when called from inside a batch of this batcher (it would wait for itself), or
     *                               when closing a predictor failed (the batcher is closed anyway; the first failure
     *                               is the cause, later ones are suppressed)
     */
    @Override
    public void close() {
        Thread me = Thread.currentThread();
        for (Worker<I, O> worker : workers) {
            if (worker.owner == me) {
                throw new IllegalStateException("Micro-batcher '" + name + "': close() was called from inside one of"
                        + " its batches, which it would wait for; close it from another thread");
            }
        }
        if (!closeStarted.compareAndSet(false, true)) {
            awaitTermination();
            return;
        }
        queued.getAndUpdate(n -> n | CLOSED_BIT);
        closed = true;
        Thread waiting = collector.get();
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
        List<Throwable> failures = new ArrayList<>();
        try {
            for (Worker<I, O> worker : workers) { // running batches finish first; no new one can start after this
                while (!worker.busy.compareAndSet(false, true)) {
                    LockSupport.parkNanos(this, CLOSE_POLL_NANOS);
                }
                worker.owner = me;
            }
            drainOnClose(workers[0]);
        } finally {
            for (Worker<I, O> worker : workers) {
                worker.closeResource(failures);
                worker.owner = null; // stays busy: no batch can start any more
            }
            terminated.countDown();
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            IllegalStateException failure = new IllegalStateException("Micro-batcher '" + name + "' is closed, but"
                    + " closing " + failures.size() + " of its predictors failed: " + first, first);
            failures.subList(1, failures.size()).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private void awaitTermination() {
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs every accepted row on the given worker (held by the closing thread), batch after batch, no delay. */
    private void drainOnClose(Worker<I, O> worker) {
        List<Request<I, O>> batch = worker.batch;
        while (true) {
            drain(batch);
            if (!batch.isEmpty()) {
                try {
                    run(worker, batch);
                } catch (Throwable e) {
                    failUnanswered(batch, e);
                } finally {
                    batch.clear();
                    worker.inputs.clear();
                }
            } else if (queued() == 0) {
                return; // closed: no more rows can be accepted
            } else {
                Thread.onSpinWait(); // a caller was accepted and is about to offer its row
            }
        }
    }

    private void accept() {
        while (true) { // accepting is one compare-and-set on the count, which also carries the closed bit
            int n = queued.get();
            if ((n & CLOSED_BIT) != 0) {
                throw new IllegalStateException("Micro-batcher '" + name + "' is closed; it serves no more"
                        + " predictions");
            }
            if (n >= queueCapacity) {
                throw new BatchQueueFullException(name, queueCapacity);
            }
            if (queued.compareAndSet(n, n + 1)) {
                return;
            }
        }
    }

    /** @return a free worker, now owned by the caller, or null when every worker is busy */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() needs Java 19
    private @Nullable Worker<I, O> tryAcquire(Thread me) {
        int n = workers.length;
        int start = n == 1 ? 0 : (int) (me.getId() % n);
        for (int k = 0; k < n; k++) {
            Worker<I, O> worker = workers[(start + k) % n];
            if (!worker.busy.get() && worker.busy.compareAndSet(false, true)) {
                worker.owner = me;
                return worker;
            }
        }
        return null;
    }

    private boolean anyWorkerFree() {
        for (Worker<I, O> worker : workers) {
            if (!worker.busy.get()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Leads one batch on the worker the caller holds: takes what is queued, maybe waits for more, runs it, answers
     * its callers, gives the worker back and, when rows are left, wakes the oldest waiting caller to lead them.
     *
     * @return whether the leader's thread was interrupted while it waited (the flag is cleared)
     */
    private boolean lead(Worker<I, O> worker, Request<I, O> own) {
        List<Request<I, O>> batch = worker.batch;
        boolean interrupted = false;
        try {
            drain(batch);
            if (batch.isEmpty()) {
                return false; // another leader took our row
            }
            if (batch.size() < maxBatchSize && maxDelayNanos > 0 && !closed && othersInFlight()) {
                interrupted = collect(batch);
            }
            if (queued() > 0 && anyWorkerFree()) {
                wakeOldest(); // more rows than this batch takes: another worker can lead them meanwhile
            }
            run(worker, batch);
        } catch (Throwable e) { // e.g. the injected time source: the batch's callers must hear back
            failUnanswered(batch, e);
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        } finally {
            batch.clear();
            worker.inputs.clear();
            worker.owner = null;
            worker.busy.set(false);
            if (own.done && queued() > 0) {
                wakeOldest(); // we leave: rows are queued and this worker is free
            }
        }
        return interrupted;
    }

    /** Waits (parks) for more rows while the batch is not full, calls are in flight outside batches, and time is left. */
    private boolean collect(List<Request<I, O>> batch) {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        long deadline = batch.get(0).arrived + maxDelayNanos;
        collector.set(me);
        try {
            while (true) {
                drain(batch);
                if (batch.size() >= maxBatchSize || closed || !othersInFlight()) {
                    return interrupted;
                }
                long remaining = deadline - nanoTime.getAsLong();
                if (remaining <= 0) {
                    return interrupted;
                }
                if (queue.isEmpty()) {
                    LockSupport.parkNanos(this, Math.min(remaining, MAX_PARK_NANOS));
                    interrupted |= Thread.interrupted(); // a set flag would turn every later park into a spin
                }
            }
        } finally {
            collector.compareAndSet(me, null);
        }
    }

    /** @return whether more calls are in flight than rows are in batches: someone may join */
    private boolean othersInFlight() {
        return inFlight.get() > batched.get();
    }

    private void drain(List<Request<I, O>> batch) {
        int taken = 0;
        while (batch.size() < maxBatchSize) {
            Request<I, O> next = queue.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
            taken++;
        }
        if (taken > 0) {
            batched.addAndGet(taken);
            queued.addAndGet(-taken);
        }
    }

    private void wakeOldest() {
        Request<I, O> oldest = queue.peek();
        if (oldest != null) {
            LockSupport.unpark(oldest.caller);
        }
    }

    private void run(Worker<I, O> worker, List<Request<I, O>> batch) {
        int n = batch.size();
        List<I> inputs = worker.inputs;
        for (Request<I, O> request : batch) {
            inputs.add(request.input);
        }
        long start = nanoTime.getAsLong();
        long waited = Math.max(0, start - batch.get(0).arrived); // the oldest row: the queue is FIFO
        List<O> results = null;
        Throwable failure = null;
        try {
            results = worker.function.predict(inputs);
            if (results == null || results.size() != n) {
                failure = new IllegalStateException("the batch function returned "
                        + (results == null ? "null" : results.size() + " results") + " for " + n + " inputs");
            }
        } catch (Throwable e) { // every caller must hear back, whatever happened
            failure = e;
        }
        long forward = Math.max(0, nanoTime.getAsLong() - start);
        batched.addAndGet(-n); // answered from here on: a leader collecting elsewhere may wait for them to return
        VirtualMachineError fatal = record(n, waited, forward, failure != null);
        for (int i = 0; i < n; i++) {
            // results is set whenever failure is not
            batch.get(i).complete(failure == null && results != null ? results.get(i) : null, failure);
        }
        inputs.clear(); // only now: a batch function may return the list it was given
        if (fatal != null) {
            throw fatal; // the listener's; the batch's callers have their answers
        }
    }

    /** @return a virtual machine error the listener threw (after the counts are recorded), else null */
    private @Nullable VirtualMachineError record(int size, long waited, long forward, boolean failed) {
        batches.increment();
        rows.add(size);
        queueWaitNanos.add(waited);
        forwardNanos.add(forward);
        if (failed) {
            failedBatches.increment();
        }
        int largest = largestBatch.get();
        while (size > largest && !largestBatch.compareAndSet(largest, size)) {
            largest = largestBatch.get();
        }
        if (listener != null) {
            try {
                listener.batchRan(size, waited, forward, failed);
            } catch (VirtualMachineError e) {
                return e;
            } catch (Throwable e) {
                // a listener must not fail the batch's callers, whose results are ready
            }
        }
        return null;
    }

    private void failUnanswered(List<Request<I, O>> batch, Throwable cause) {
        int pending = 0;
        for (Request<I, O> request : batch) {
            if (!request.done) {
                pending++;
                request.complete(null, cause);
            }
        }
        batched.addAndGet(-pending);
    }

    /**
     * Runs one batch. Called by one worker at a time per worker; with several workers, from several threads.
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

    /** A predictor (or batch function), whether a leader holds it, and its reusable batch lists. */
    private static final class Worker<I, O> {
        final BatchFunction<I, O> function;
        final @Nullable AutoCloseable resource;
        final AtomicBoolean busy = new AtomicBoolean();
        volatile @Nullable Thread owner;
        final List<Request<I, O>> batch = new ArrayList<>();
        final List<I> inputs = new ArrayList<>();

        Worker(BatchFunction<I, O> function, @Nullable AutoCloseable resource) {
            this.function = function;
            this.resource = resource;
        }

        void closeResource(List<Throwable> failures) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception | Error e) { // the other predictors must still be closed
                    failures.add(e);
                }
            }
        }
    }

    /** One caller's row, arrival time, thread and outcome. */
    private static final class Request<I, O> {
        final I input;
        final Thread caller;
        final long arrived;
        @Nullable O result;
        @Nullable Throwable failure;
        volatile boolean done;

        Request(I input, Thread caller, long arrived) {
            this.input = input;
            this.caller = caller;
            this.arrived = arrived;
        }

        void complete(@Nullable O value, @Nullable Throwable error) {
            result = value;
            failure = error;
            done = true;
            if (caller != Thread.currentThread()) {
                LockSupport.unpark(caller);
            }
        }

        // Safe: complete(...) stores the batch function's value for this row whenever it stores no failure.
        @SuppressWarnings("NullAway")
        O outcome(MicroBatcher<I, O> batcher) {
            if (failure == null) {
                return result;
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

        private final Supplier<Worker<I, O>> workerFactory;
        private final boolean manyWorkers;
        private String name = "batcher";
        private int workers = DEFAULT_WORKERS;
        private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
        private Duration maxDelay = DEFAULT_MAX_DELAY;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private LongSupplier nanoTime = System::nanoTime;
        private @Nullable BatchListener listener;

        private Builder(Supplier<Worker<I, O>> workerFactory, boolean manyWorkers) {
            this.workerFactory = workerFactory;
            this.manyWorkers = manyWorkers;
        }

        /**
         * @param value the batcher's name, for messages (default "batcher", or the model's name, or "djl")
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
         * @param value the number of workers, each with its own predictor: batches that can run at once, 1 to
         *              {@link MicroBatcher#MAX_WORKERS} (default 1; about the number of cores the model may use)
         * @return this builder
         */
        public Builder<I, O> workers(int value) {
            if (value < 1 || value > MAX_WORKERS) {
                throw new IllegalArgumentException("workers must be between 1 and " + MAX_WORKERS + ", got "
                        + value);
            }
            this.workers = value;
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
         * @param value how long a batch may wait, from its oldest row's arrival, for more rows while more calls are
         *              in flight: zero (take only what is queued) or more (default 200 µs)
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
         * @param value the maximum number of rows waiting for a batch, 1 to 2^30 - 1 (default
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
         * @param value the nano-time source for queue waits, forward times and the delay (default
         *              {@link System#nanoTime}); tests pass a fake one
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
         * @param value told about every batch (size, queue wait, forward time, failed), e.g. {@link BatchSlis}; called
         *              on the leading caller's thread after the batch ran and before its callers are answered, so
         *              it must be quick; an exception it throws is ignored (a {@link VirtualMachineError} is rethrown
         *              to the leading caller once the batch's callers have their answers)
         * @return this builder
         */
        public Builder<I, O> listener(BatchListener value) {
            if (value == null) {
                throw new IllegalArgumentException("listener must not be null");
            }
            this.listener = value;
            return this;
        }

        /**
         * Creates the workers' predictors.
         *
         * @return the batcher
         * @throws IllegalArgumentException when more than one worker is asked of a single predictor
         * @throws IllegalStateException    when a predictor cannot be created (those created are closed)
         */
        public MicroBatcher<I, O> build() {
            if (workers > 1 && !manyWorkers) {
                throw new IllegalArgumentException("A micro-batcher over one predictor has one worker, got workers("
                        + workers + "); use MicroBatcher.builder(model, translator) for a predictor per worker");
            }
            @SuppressWarnings("unchecked")
            Worker<I, O>[] created = (Worker<I, O>[]) new Worker<?, ?>[workers];
            for (int i = 0; i < workers; i++) {
                try {
                    created[i] = workerFactory.get();
                } catch (RuntimeException | Error e) {
                    List<Throwable> failures = new ArrayList<>();
                    for (int j = 0; j < i; j++) {
                        created[j].closeResource(failures);
                    }
                    IllegalStateException failure = new IllegalStateException("Micro-batcher '" + name
                            + "' could not create worker " + (i + 1) + " of " + workers + ": " + e.getMessage(), e);
                    failures.forEach(failure::addSuppressed);
                    throw failure;
                }
            }
            return new MicroBatcher<>(this, created);
        }
    }
}
