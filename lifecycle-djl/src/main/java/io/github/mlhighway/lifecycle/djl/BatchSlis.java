package io.github.mlhighway.lifecycle.djl;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MicroBatcher}'s per-batch SLIs on SLO trackers, registered in an {@link SloRegistry}: give it the
 * registry of the guarded model the batcher serves ({@code GuardedModel.builder(...).sloRegistry(registry)}), and the
 * batch SLOs are ticked, exported, saved and alerted on with the model's own availability and latency SLOs.
 *
 * <ul>
 *   <li>{@code <prefix>.batch_queue_wait}: a threshold SLO in milliseconds, one event per batch: the wait of the
 *       batch's oldest row (default: at most {@link #DEFAULT_QUEUE_WAIT} for {@value #DEFAULT_OBJECTIVE} of
 *       batches);</li>
 *   <li>{@code <prefix>.batch_forward}: a threshold SLO in milliseconds, one event per batch: how long the batch ran
 *       (default: at most {@link #DEFAULT_FORWARD} for {@value #DEFAULT_OBJECTIVE} of batches);</li>
 *   <li>{@code <prefix>.batch_size} (optional, {@link Builder#batchSize}): a threshold SLO on the rows per batch,
 *       e.g. {@code Slo.threshold("batch_size", Operator.GTE, 8)} to see when batching stops paying off.</li>
 * </ul>
 * A failed batch is recorded as a bad event on each. Recording is lock-free and allocation-free ({@link SloTracker}).
 *
 * <pre>{@code
 * BatchSlis slis = BatchSlis.builder(registry, "rain.version.rain_1")
 *     .queueWait(Duration.ofMillis(2), 0.99).forwardTime(Duration.ofMillis(5), 0.999).build();
 * }</pre>
 *
 * @since 0.1
 */
public final class BatchSlis implements BatchListener {

    /** The default queue wait threshold. */
    public static final Duration DEFAULT_QUEUE_WAIT = Duration.ofMillis(10);
    /** The default forward time threshold. */
    public static final Duration DEFAULT_FORWARD = Duration.ofMillis(100);
    /** The default objective of both. */
    public static final double DEFAULT_OBJECTIVE = 0.99;

    private static final Pattern VALID_PREFIX = Pattern.compile("[A-Za-z0-9._-]+");

    private final SloTracker queueWait;
    private final SloTracker forward;
    private final @Nullable SloTracker batchSize;

    private BatchSlis(SloTracker queueWait, SloTracker forward, @Nullable SloTracker batchSize) {
        this.queueWait = queueWait;
        this.forward = forward;
        this.batchSize = batchSize;
    }

    /**
     * A builder for the trackers of one batcher.
     *
     * @param registry where the trackers are registered (the guarded model's)
     * @param prefix   the SLO name prefix, letters, digits, '.', '_' and '-' (e.g. {@code "rain.version.rain_1"})
     * @return the builder
     * @throws IllegalArgumentException when the prefix is blank or has other characters
     */
    public static Builder builder(SloRegistry registry, String prefix) {
        Objects.requireNonNull(registry, "registry");
        if (prefix == null || !VALID_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("prefix must be letters, digits, '.', '_' or '-', got '" + prefix + "'");
        }
        return new Builder(registry, prefix);
    }

    @Override
    public void batchRan(int size, long queueWaitNanos, long forwardNanos, boolean failed) {
        if (failed) {
            queueWait.recordBad();
            forward.recordBad();
            if (batchSize != null) {
                batchSize.recordBad();
            }
            return;
        }
        queueWait.recordValue(queueWaitNanos / 1e6);
        forward.recordValue(forwardNanos / 1e6);
        if (batchSize != null) {
            batchSize.recordValue(size);
        }
    }

    /** @return the tracker of the oldest row's queue wait per batch (milliseconds) */
    public SloTracker queueWait() {
        return queueWait;
    }

    /** @return the tracker of the batch's forward time (milliseconds) */
    public SloTracker forwardTime() {
        return forward;
    }

    /** @return the tracker of the rows per batch, when one was configured */
    public Optional<SloTracker> batchSize() {
        return Optional.ofNullable(batchSize);
    }

    /** Configures {@link BatchSlis}; each setter validates its argument at once. */
    public static final class Builder {
        private final SloRegistry registry;
        private final String prefix;
        private Slo queueWait;
        private Slo forward;
        private @Nullable Slo batchSize;

        private Builder(SloRegistry registry, String prefix) {
            this.registry = registry;
            this.prefix = prefix;
            queueWait(DEFAULT_QUEUE_WAIT, DEFAULT_OBJECTIVE);
            forwardTime(DEFAULT_FORWARD, DEFAULT_OBJECTIVE);
        }

        /**
         * @param threshold the longest good wait of a batch's oldest row, positive
         * @param objective the share of batches that must meet it, strictly between 0 and 1
         * @return this builder
         */
        public Builder queueWait(Duration threshold, double objective) {
            this.queueWait = threshold(prefix + ".batch_queue_wait", threshold, objective);
            return this;
        }

        /**
         * @param threshold the longest good forward time of a batch, positive
         * @param objective the share of batches that must meet it, strictly between 0 and 1
         * @return this builder
         */
        public Builder forwardTime(Duration threshold, double objective) {
            this.forward = threshold(prefix + ".batch_forward", threshold, objective);
            return this;
        }

        /**
         * @param operator  how a batch's size is compared with the threshold (e.g. {@code GTE})
         * @param rows      the threshold in rows
         * @param objective the share of batches that must meet it, strictly between 0 and 1
         * @return this builder
         */
        public Builder batchSize(Operator operator, double rows, double objective) {
            Objects.requireNonNull(operator, "operator");
            this.batchSize = Slo.threshold(prefix + ".batch_size", operator, rows).objective(objective).build();
            return this;
        }

        /**
         * Registers the trackers.
         *
         * @return the SLIs, to pass to {@link MicroBatcher.Builder#listener}
         * @throws IllegalArgumentException when one of the names is registered already (none is registered then)
         */
        public BatchSlis build() {
            for (Slo slo : new Slo[] {queueWait, forward, batchSize}) {
                if (slo != null && registry.find(slo.name()).isPresent()) {
                    throw new IllegalArgumentException("An SLO named '" + slo.name() + "' is already registered;"
                            + " give each batcher its own prefix");
                }
            }
            return new BatchSlis(registry.register(queueWait), registry.register(forward),
                    batchSize == null ? null : registry.register(batchSize));
        }

        private static Slo threshold(String name, Duration threshold, double objective) {
            if (threshold == null || threshold.isNegative() || threshold.isZero()) {
                throw new IllegalArgumentException(name + ": the threshold must be positive, got " + threshold);
            }
            return Slo.threshold(name, Operator.LTE, threshold.toNanos() / 1e6).objective(objective).build();
        }
    }
}
