package io.github.mlhighway.lifecycle.djl;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool of DJL {@link Predictor}s over one model, for serving from many threads: DJL predictors are not
 * thread-safe, so each call borrows a predictor for its exclusive use and gives it back afterwards.
 *
 * <ul>
 *   <li><b>Bounded:</b> {@link Builder#size size} predictors are created up front; a call waits at most
 *       {@link Builder#borrowTimeout the borrow timeout} for a free one, then fails with a
 *       {@link PredictorPoolExhaustedException}.</li>
 *   <li><b>Warm-up:</b> with {@link Builder#warmUp(Object)}, the sample input runs once through every predictor before
 *       {@link Builder#build()} returns, so the first real calls do not pay for lazy initialisation.</li>
 *   <li><b>Reuse:</b> a predictor goes back to the pool after every call, also when the call threw (a predictor
 *       that threw a {@link TranslateException} is still usable).</li>
 *   <li><b>Close order:</b> {@link #close()} closes the predictors first, then the model, which the pool owns. A
 *       predictor in use during {@code close()} is closed when its call returns; the model is closed after the last
 *       predictor. Idempotent; calls after {@code close()}, and calls that were waiting for a predictor when it
 *       was called, fail with an {@link IllegalStateException}.</li>
 *   <li><b>Close failures:</b> a predictor whose {@code close()} throws does not stop the others, nor the model,
 *       from being closed, nor the waiting calls from being failed: {@link #close()} closes everything it can and
 *       then throws one {@link IllegalStateException} with the first failure as its cause and the others
 *       suppressed. A busy predictor that fails to close when its call returns never fails that (successful) call:
 *       the failure is logged (SLF4J, warning).</li>
 * </ul>
 *
 * <p>The pool is a {@link Function}, so it plugs straight into guarded serving:
 * <pre>{@code
 * PredictorPool<float[], Float> pool = PredictorPool.builder(model, translator)
 *     .size(2).warmUp(sampleRow).build();
 * GuardedModel<float[], Float> rain = GuardedModel.<float[], Float>builder("rain")
 *     .version("rain@1", pool)
 *     .build();
 * }</pre>
 *
 * <p><b>The single-row path:</b> with a {@link BatchTranslator} (such as {@link ProbabilityTranslator}) the pool's
 * predictors are {@link BatchPredictor}s, so a row runs as a batch of one: one array created from the row, one
 * forward pass, one read of the output, no batchifier and no per-call translator context. With any other
 * translator they are DJL's own predictors ({@code model.newPredictor(translator)}).
 *
 * <p>Thread-safe, and lock-free while a predictor is free: the free predictors sit in an array of atomic slots,
 * one per predictor and each on its own cache line, and a {@link Semaphore} counts them. A call takes a permit with
 * one compare-and-set ({@link Semaphore#tryAcquire()}), then takes a predictor out of a slot with another, starting
 * at the slot of its own thread (thread id modulo size), so that a thread usually gets back the predictor it used
 * last and threads whose ids differ modulo the size do not touch each other's slots; giving back puts the predictor
 * into a free slot (again starting at the thread's own) and releases the permit. Only when every predictor is busy
 * does a call block, inside the semaphore, for at most the borrow timeout. Borrowing a free predictor and giving it
 * back allocate nothing (the queue this replaced allocated a node per give-back). Size the pool to the number of
 * cores the model may use, and bound concurrency in front of it.
 *
 * @param <I> input type
 * @param <O> output type
 * @since 0.1
 */
public final class PredictorPool<I, O> implements Function<I, O>, AutoCloseable {

    /** The default number of predictors. */
    public static final int DEFAULT_SIZE = 2;
    /** The default time a call waits for a free predictor. */
    public static final Duration DEFAULT_BORROW_TIMEOUT = Duration.ofSeconds(1);
    /** The largest number of predictors a pool may hold. */
    public static final int MAX_SIZE = 1 << 16;
    /** Slots are {@code PAD} references apart: 16 x 4 bytes (compressed oops) = one 64-byte cache line. */
    private static final int PAD = 16;
    private static final Logger LOG = LoggerFactory.getLogger(PredictorPool.class);

    private final String name;
    private final int size;
    private final Duration borrowTimeout;
    private final long borrowTimeoutNanos;
    /** Free predictors: slot {@code i} lives at index {@code i * PAD}, so that no two slots share a cache line. */
    private final AtomicReferenceArray<Predictor<I, O>> slots;
    /**
     * While open, one permit per predictor in {@link #slots}, released only after the predictor is in its slot.
     * After close, permits only wake waiting callers, which then fail.
     */
    private final Semaphore free;
    private final AutoCloseable model;
    private final AtomicInteger openPredictors;
    private volatile boolean closed;
    private volatile boolean modelClosed;

    PredictorPool(String name, int size, Duration borrowTimeout, Supplier<Predictor<I, O>> factory,
                  AutoCloseable model, List<I> warmUp) {
        this.name = name;
        this.size = size;
        this.borrowTimeout = borrowTimeout;
        this.borrowTimeoutNanos = borrowTimeout.toNanos();
        this.model = model;
        this.slots = new AtomicReferenceArray<>(size * PAD);
        this.free = new Semaphore(0);
        this.openPredictors = new AtomicInteger();
        List<Predictor<I, O>> created = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                Predictor<I, O> predictor = Objects.requireNonNull(factory.get(), "the predictor factory gave null");
                created.add(predictor);
                openPredictors.incrementAndGet();
                for (I sample : warmUp) {
                    predictor.predict(sample);
                }
            }
        } catch (TranslateException | RuntimeException | Error e) {
            closed = true;
            List<Throwable> closeFailures = new ArrayList<>();
            for (Predictor<I, O> predictor : created) {
                closeOne(predictor, closeFailures);
            }
            if (created.isEmpty()) {
                closeModel(closeFailures);
            }
            IllegalStateException failure = new IllegalStateException("Predictor pool '" + name + "' could not"
                    + " start: creating or warming up predictor " + created.size() + " of " + size + " failed: "
                    + e.getMessage(), e);
            if (e instanceof Error error) {
                closeFailures.forEach(error::addSuppressed);
                throw error;                        // an Error stays what it is; the predictors are closed
            }
            closeFailures.forEach(failure::addSuppressed);
            throw failure;
        }
        for (int i = 0; i < created.size(); i++) {
            slots.set(i * PAD, created.get(i));
        }
        free.release(created.size());
    }

    /**
     * A builder for a pool over a model. The pool owns the model: {@link #close()} closes it.
     *
     * @param model      the DJL model (a {@code ZooModel} too)
     * @param translator the translator each predictor uses; a {@link BatchTranslator} runs every row as a batch of one
     * @param <I>        input type
     * @param <O>        output type
     * @return the builder
     */
    public static <I, O> Builder<I, O> builder(Model model, Translator<I, O> translator) {
        return new Builder<>(Objects.requireNonNull(model, "model"), Objects.requireNonNull(translator, "translator"));
    }

    /**
     * Predicts with a borrowed predictor, which goes back to the pool whatever happens.
     *
     * @param input the input
     * @return the prediction
     * @throws TranslateException              when DJL fails to translate or predict (the predictor stays usable)
     * @throws PredictorPoolExhaustedException when no predictor became free within the borrow timeout
     * @throws IllegalStateException           when the pool is closed, or the wait was interrupted
     */
    public O predict(I input) throws TranslateException {
        Predictor<I, O> predictor = borrow();
        try {
            return predictor.predict(input);
        } finally {
            giveBack(predictor);
        }
    }

    /**
     * {@link #predict} with DJL's checked exception wrapped, for use as a {@link Function} (in
     * {@code GuardedModel.builder(...).version(name, pool)}).
     *
     * @param input the input
     * @return the prediction
     * @throws DjlPredictionException          wrapping the {@link TranslateException} when DJL fails
     * @throws PredictorPoolExhaustedException when no predictor became free within the borrow timeout
     * @throws IllegalStateException           when the pool is closed, or the wait was interrupted
     */
    @Override
    public O apply(I input) {
        try {
            return predict(input);
        } catch (TranslateException e) {
            throw new DjlPredictionException("Prediction by pool '" + name + "' failed: " + e.getMessage(), e);
        }
    }

    /** @return the pool's name (for messages) */
    public String name() {
        return name;
    }

    /** @return the number of predictors */
    public int size() {
        return size;
    }

    /** @return the time a call waits for a free predictor */
    public Duration borrowTimeout() {
        return borrowTimeout;
    }

    /** @return the number of predictors free right now (a snapshot) */
    public int idle() {
        return closed ? 0 : free.availablePermits();
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Refuses new calls, fails the calls waiting for a predictor, closes the free predictors now and the busy ones
     * when their calls return, then closes the model (after the last predictor). Idempotent.
     *
     * <p>A predictor (or the model) that fails to close does not stop the rest from being closed or the waiting
     * calls from being failed; the failures are thrown afterwards.
     *
     * @throws IllegalStateException when closing a free predictor, or the model, failed (the pool is closed
     *                               anyway): the first failure is the cause, later ones are suppressed
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Throwable> failures = new ArrayList<>();
        try {
            drain(failures);
        } finally {
            free.release(size); // wakes callers waiting for a predictor: each sees the pool closed and wakes the next
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            IllegalStateException failure = new IllegalStateException("Predictor pool '" + name + "' is closed, but"
                    + " closing " + failures.size() + " of its predictors or its model failed: " + first, first);
            failures.subList(1, failures.size()).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private Predictor<I, O> borrow() {
        requireOpen();
        if (!free.tryAcquire()) {
            boolean acquired;
            try {
                acquired = free.tryAcquire(borrowTimeoutNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a predictor of pool '" + name + "'",
                        e);
            }
            if (!acquired) {
                requireOpen();
                throw new PredictorPoolExhaustedException(name, size, borrowTimeout);
            }
        }
        Predictor<I, O> predictor = take();
        if (predictor == null) { // closed, and the predictor our permit stood for was drained
            free.release();
            throw new IllegalStateException("Predictor pool '" + name + "' is closed; it serves no more predictions");
        }
        if (closed) {
            giveBack(predictor); // close() may have missed it: the drain in giveBack closes it
            requireOpen();
        }
        return predictor;
    }

    /**
     * Takes a predictor out of a slot. The caller holds a permit, so while the pool is open a filled slot exists
     * (a permit is released only after its predictor is in a slot).
     *
     * @return the predictor, or null when the pool is closed and no slot holds one
     */
    private @Nullable Predictor<I, O> take() {
        int home = home();
        while (true) {
            for (int k = 0; k < size; k++) {
                int index = ((home + k) % size) * PAD;
                Predictor<I, O> predictor = slots.get(index);
                if (predictor != null && slots.compareAndSet(index, predictor, null)) {
                    return predictor;
                }
            }
            if (closed) {
                return null;
            }
            Thread.onSpinWait(); // another permit holder took the one we saw; ours is in another slot
        }
    }

    private void giveBack(Predictor<I, O> predictor) {
        int home = home();
        while (true) {
            for (int k = 0; k < size; k++) {
                int index = ((home + k) % size) * PAD;
                if (slots.get(index) == null && slots.compareAndSet(index, null, predictor)) {
                    free.release();
                    if (closed) {
                        drainAfterCall(); // close() may have drained before the slot was filled: close what is left
                    }
                    return;
                }
            }
            Thread.onSpinWait(); // at most size predictors exist and we hold one, so a slot is free or frees up
        }
    }

    /**
     * Takes every predictor out of the slots and closes it (once closed; by close() and by late give-backs), each
     * whatever happened to the others.
     *
     * @param failures receives every failure to close a predictor or the model
     */
    private void drain(List<Throwable> failures) {
        for (int k = 0; k < size; k++) {
            Predictor<I, O> predictor = slots.getAndSet(k * PAD, null);
            if (predictor != null) {
                closeOne(predictor, failures);
            }
        }
    }

    /** The drain of a give-back after close: the call itself succeeded or failed on its own, so failures are logged. */
    private void drainAfterCall() {
        List<Throwable> failures = new ArrayList<>(0);
        drain(failures);
        for (Throwable failure : failures) {
            LOG.warn("Predictor pool '{}' failed to close a predictor, or its model, after a call returned", name,
                    failure);
        }
    }

    /** @return this thread's first slot: thread ids are sequential, so a few threads land on distinct slots */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() needs Java 19
    private int home() {
        return (int) (Thread.currentThread().getId() % size);
    }

    private void closeOne(Predictor<I, O> predictor, List<Throwable> failures) {
        try {
            predictor.close();
        } catch (RuntimeException | Error e) { // the others and the model must still be closed
            failures.add(e);
        }
        if (openPredictors.decrementAndGet() == 0) {
            closeModel(failures);
        }
    }

    private synchronized void closeModel(List<Throwable> failures) {
        if (modelClosed) {
            return;
        }
        modelClosed = true;
        try {
            model.close();
        } catch (Exception | Error e) {
            failures.add(new IllegalStateException("Predictor pool '" + name + "' failed to close its model: "
                    + e.getMessage(), e));
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("Predictor pool '" + name + "' is closed; it serves no more predictions");
        }
    }

    /**
     * Configures a {@link PredictorPool}; each setter validates its argument at once.
     *
     * @param <I> input type
     * @param <O> output type
     */
    public static final class Builder<I, O> {

        private final Model model;
        private final Translator<I, O> translator;
        private String name;
        private int size = DEFAULT_SIZE;
        private Duration borrowTimeout = DEFAULT_BORROW_TIMEOUT;
        private final List<I> warmUp = new ArrayList<>();

        private Builder(Model model, Translator<I, O> translator) {
            this.model = model;
            this.translator = translator;
            this.name = model.getName() != null ? model.getName() : "djl";
        }

        /**
         * @param value the pool's name, for messages (default: the model's name)
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
         * @param value the number of predictors, 1 to {@link PredictorPool#MAX_SIZE} (default
         *              {@link PredictorPool#DEFAULT_SIZE})
         * @return this builder
         */
        public Builder<I, O> size(int value) {
            if (value < 1 || value > MAX_SIZE) {
                throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", got " + value);
            }
            this.size = value;
            return this;
        }

        /**
         * @param value how long a call waits for a free predictor, zero or more (default 1 s)
         * @return this builder
         */
        public Builder<I, O> borrowTimeout(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("borrowTimeout must be zero or positive, got " + value);
            }
            this.borrowTimeout = value;
            return this;
        }

        /**
         * Adds a sample input that runs once through every predictor when the pool is built.
         *
         * @param sample a valid input
         * @return this builder
         */
        public Builder<I, O> warmUp(I sample) {
            warmUp.add(Objects.requireNonNull(sample, "warm-up sample"));
            return this;
        }

        /**
         * Creates the predictors and warms them up.
         *
         * @return the pool, which owns the model
         * @throws IllegalStateException when a predictor cannot be created or warmed up (the model is closed then)
         */
        public PredictorPool<I, O> build() {
            Supplier<Predictor<I, O>> factory = translator instanceof BatchTranslator<I, O> batch
                    ? () -> new BatchPredictor<>(model, batch) : () -> model.newPredictor(translator);
            return new PredictorPool<>(name, size, borrowTimeout, factory, model, List.copyOf(warmUp));
        }
    }
}
