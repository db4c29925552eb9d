package io.github.mlhighway.lifecycle.core.retrain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a {@link RetrainCondition} on the host's ticker and calls the host's action when retraining is due.
 *
 * <ul>
 *   <li><b>Hysteresis</b>: fires once the condition has held for {@code consecutive} evaluations in a row; after
 *       firing it is disarmed until an evaluation finds the condition clear.
 *   <li><b>Cooldown</b>: never fires twice within the cooldown period; a due trigger waits (armed) until it ends.
 *   <li><b>Record</b>: every evaluation is a {@link RetrainDecision} with its reasons, kept (the newest
 *       {@link #HISTORY_SIZE}) and passed to the decision listener.
 * </ul>
 *
 * <pre>{@code
 * RetrainTrigger trigger = RetrainTrigger.builder("rain-model", clock,
 *         RetrainConditions.anyOf(RetrainConditions.drift("inputs", monitor::latest),
 *                                 RetrainConditions.every(Duration.ofDays(7))))
 *     .consecutive(3).cooldown(Duration.ofDays(1))
 *     .action(request -> runner.run(training, request))
 *     .build();
 * trigger.evaluate();   // from the host's ticker
 * }</pre>
 *
 * <p>Thread-safe: {@link #evaluate()} is synchronized, and the action runs on the calling thread.
 */
public final class RetrainTrigger {

    /** Consecutive evaluations the condition must hold before the trigger fires, by default. */
    public static final int DEFAULT_CONSECUTIVE = 1;
    /** The minimum time between two triggers, by default. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofHours(24);
    /** How many decisions {@link #decisions()} keeps. */
    public static final int HISTORY_SIZE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(RetrainTrigger.class);

    private final String name;
    private final Clock clock;
    private final RetrainCondition condition;
    private final int consecutive;
    private final Duration cooldown;
    private final Consumer<RetrainRequest> action;
    private final Consumer<RetrainDecision> listener;
    private final Deque<RetrainDecision> history = new ArrayDeque<>();
    private int streak;
    private boolean armed = true;
    private Instant lastTriggeredAt;

    private RetrainTrigger(Builder builder) {
        this.name = builder.name;
        this.clock = builder.clock;
        this.condition = builder.condition;
        this.consecutive = builder.consecutive;
        this.cooldown = builder.cooldown;
        this.action = builder.action;
        this.listener = builder.listener;
    }

    /**
     * A builder.
     *
     * @param name      the trigger's name, used in requests and logs
     * @param clock     the time source
     * @param condition what asks for retraining
     * @return the builder
     */
    public static Builder builder(String name, Clock clock, RetrainCondition condition) {
        return new Builder(name, clock, condition);
    }

    /**
     * Evaluates the condition once and fires the action when due.
     *
     * @return the decision
     */
    public synchronized RetrainDecision evaluate() {
        Instant now = clock.instant();
        ConditionResult result = condition.check(now);
        RetrainDecision decision;
        if (!result.holds()) {
            streak = 0;
            armed = true;
            decision = decide(now, RetrainOutcome.QUIET, "Condition clear: " + result.reason(), result);
        } else {
            streak++;
            if (!armed) {
                decision = decide(now, RetrainOutcome.DISARMED, "Already triggered at " + lastTriggeredAt
                        + "; waiting for the condition to clear before re-arming.", result);
            } else if (streak < consecutive) {
                decision = decide(now, RetrainOutcome.HOLDING, "Condition held " + streak + " of " + consecutive
                        + " consecutive evaluations: " + String.join(" ", result.holdingReasons()), result);
            } else if (lastTriggeredAt != null && now.isBefore(lastTriggeredAt.plus(cooldown))) {
                decision = decide(now, RetrainOutcome.COOLDOWN, "Due, but the last retrain was triggered at "
                        + lastTriggeredAt + "; cooldown " + cooldown + " ends at " + lastTriggeredAt.plus(cooldown)
                        + ".", result);
            } else {
                decision = fire(now, result);
            }
        }
        record(decision);
        return decision;
    }

    private RetrainDecision fire(Instant now, ConditionResult result) {
        RetrainRequest request = new RetrainRequest(name, now, result.holdingReasons(), result.holdingEvidence(),
                result);
        try {
            action.accept(request);
        } catch (RuntimeException e) {
            LOG.warn("Retrain trigger {}: the action failed; it will be retried at the next evaluation", name, e);
            return decide(now, RetrainOutcome.ACTION_FAILED, "Retraining was due but the action failed: " + e,
                    result);
        }
        armed = false;
        lastTriggeredAt = now;
        condition.retrained(now);
        return decide(now, RetrainOutcome.TRIGGERED, "Retraining triggered: "
                + String.join(" ", request.reasons()), result);
    }

    private RetrainDecision decide(Instant now, RetrainOutcome outcome, String reason, ConditionResult result) {
        return new RetrainDecision(name, now, outcome, reason, streak, result);
    }

    private void record(RetrainDecision decision) {
        if (history.size() == HISTORY_SIZE) {
            history.removeFirst();
        }
        history.addLast(decision);
        if (decision.outcome() == RetrainOutcome.TRIGGERED) {
            LOG.info("Retrain trigger {}: {}", name, decision.reason());
        }
        try {
            listener.accept(decision);
        } catch (RuntimeException e) {
            LOG.warn("Retrain trigger {}: decision listener failed", name, e);
        }
    }

    /**
     * The recorded decisions, oldest first (at most {@link #HISTORY_SIZE}).
     *
     * @return a copy
     */
    public synchronized List<RetrainDecision> decisions() {
        return new ArrayList<>(history);
    }

    /**
     * When the action was last called successfully.
     *
     * @return the time, empty before the first trigger
     */
    public synchronized Optional<Instant> lastTriggeredAt() {
        return Optional.ofNullable(lastTriggeredAt);
    }

    /** @return the trigger's name */
    public String name() {
        return name;
    }

    /** Builds a {@link RetrainTrigger}. */
    public static final class Builder {
        private final String name;
        private final Clock clock;
        private final RetrainCondition condition;
        private int consecutive = DEFAULT_CONSECUTIVE;
        private Duration cooldown = DEFAULT_COOLDOWN;
        private Consumer<RetrainRequest> action;
        private Consumer<RetrainDecision> listener = decision -> { };

        private Builder(String name, Clock clock, RetrainCondition condition) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("Trigger name must not be blank");
            }
            this.name = name;
            this.clock = Objects.requireNonNull(clock, "clock");
            this.condition = Objects.requireNonNull(condition, "condition");
        }

        /**
         * Hysteresis: how many consecutive evaluations the condition must hold before the trigger fires.
         *
         * @param evaluations at least 1
         * @return this builder
         */
        public Builder consecutive(int evaluations) {
            if (evaluations < 1) {
                throw new IllegalArgumentException("Consecutive evaluations must be at least 1, was " + evaluations);
            }
            this.consecutive = evaluations;
            return this;
        }

        /**
         * The minimum time between two triggers.
         *
         * @param period zero or positive
         * @return this builder
         */
        public Builder cooldown(Duration period) {
            Objects.requireNonNull(period, "period");
            if (period.isNegative()) {
                throw new IllegalArgumentException("Cooldown must not be negative, was " + period);
            }
            this.cooldown = period;
            return this;
        }

        /**
         * What to do when retraining is due, usually start a pipeline run. Required.
         *
         * @param retrain the host's action
         * @return this builder
         */
        public Builder action(Consumer<RetrainRequest> retrain) {
            this.action = Objects.requireNonNull(retrain, "retrain");
            return this;
        }

        /**
         * Told about every decision (e.g. to log it or report it to an incident).
         *
         * @param decisions the listener
         * @return this builder
         */
        public Builder onDecision(Consumer<RetrainDecision> decisions) {
            this.listener = Objects.requireNonNull(decisions, "decisions");
            return this;
        }

        /**
         * Builds the trigger.
         *
         * @return the trigger
         * @throws IllegalStateException if no action was given
         */
        public RetrainTrigger build() {
            if (action == null) {
                throw new IllegalStateException("Retrain trigger '" + name + "' needs an action");
            }
            return new RetrainTrigger(this);
        }
    }
}
