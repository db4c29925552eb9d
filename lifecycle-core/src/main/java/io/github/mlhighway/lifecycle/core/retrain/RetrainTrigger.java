package io.github.mlhighway.lifecycle.core.retrain;

import io.github.mlhighway.lifecycle.core.condition.CompositeCondition;
import io.github.mlhighway.lifecycle.core.condition.Condition;
import io.github.mlhighway.lifecycle.core.condition.ConditionResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a {@link RetrainCondition} on the host's ticker and calls the host's action when retraining is due.
 *
 * <ul>
 *   <li><b>Hysteresis</b>: fires once the condition has held for {@code consecutive} evaluations in a row; after
 *       firing it is disarmed until an evaluation finds the condition clear.
 *   <li><b>Inconclusive</b>: a condition that cannot be decided (no drift report yet) does not hold, for the
 *       streak as for the decision (as before results could be inconclusive).
 *   <li><b>Per part for {@code anyOf}</b>: when the condition is an {@code anyOf} ({@link RetrainConditions#anyOf}
 *       or any {@link CompositeCondition}), each of its
 *       parts has its own streak and armed state. A part is due when it is armed and has held for
 *       {@code consecutive} evaluations; the trigger fires when any part is due. Firing disarms every part that
 *       holds at that moment, and a part re-arms only when an evaluation finds it clear. So a drift that persists
 *       after a retrain fires once (then stays disarmed, outcome {@link RetrainOutcome#DISARMED}), while a schedule
 *       or label count, which {@link RetrainCondition#retrained} resets and so clears, fires again when it is due
 *       again. Any other condition (including {@code allOf}) is one unit.
 *   <li><b>Cooldown</b>: never fires twice within the cooldown period, whichever part is due; a due trigger waits
 *       (armed) until it ends.
 *   <li><b>Record</b>: every evaluation is a {@link RetrainDecision} with its reasons, kept (the newest
 *       {@link #HISTORY_SIZE}) and passed to the decision listener.
 * </ul>
 *
 * <pre>{@code
 * RetrainTrigger trigger = RetrainTrigger.builder("rain-model", clock,
 *         RetrainConditions.anyOf(RetrainConditions.drift("inputs", latestDrift::get),
 *                                 RetrainConditions.every(Duration.ofDays(7))))
 *     .consecutive(3).cooldown(Duration.ofDays(1))
 *     .action(request -> runner.run(training, "retrain-" + request.at().toEpochMilli(), "weather.csv"))
 *     .build();
 * trigger.evaluate();   // from the host's ticker, or let lifecycle.retraining(..) evaluate it
 * }</pre>
 *
 * <p>Thread-safe: {@link #evaluate()} is synchronized, and the action runs on the calling thread.
 *
 * @since 0.1
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
    private final Condition condition;
    private final int consecutive;
    private final Duration cooldown;
    private final @Nullable Consumer<RetrainRequest> action;
    private final Consumer<RetrainDecision> listener;
    private final Deque<RetrainDecision> history = new ArrayDeque<>();
    /** Whether the condition is a top-level anyOf, whose parts each have their own hysteresis. */
    private final boolean perPart;
    /** Per unit (the parts of a top-level anyOf, else the whole condition): evaluations held in a row. */
    private final int[] streaks;
    /** Per unit: whether it may fire; false from a trigger it held at until it is found clear. */
    private final boolean[] armed;
    private int streak;
    private @Nullable Instant lastTriggeredAt;

    private RetrainTrigger(Builder builder) {
        this.name = builder.name;
        this.clock = builder.clock;
        this.condition = builder.condition;
        this.consecutive = builder.consecutive;
        this.cooldown = builder.cooldown;
        this.action = builder.action;
        this.listener = builder.listener;
        this.perPart = condition instanceof CompositeCondition composite && composite.isAnyOf();
        int units = perPart ? ((CompositeCondition) condition).parts().size() : 1;
        this.streaks = new int[units];
        this.armed = new boolean[units];
        Arrays.fill(armed, true);
    }

    /**
     * A builder.
     *
     * @param name      the trigger's name, used in requests and logs
     * @param clock     the time source
     * @param condition what asks for retraining: a {@link RetrainCondition} or any shared {@link Condition}
     * @return the builder
     */
    public static Builder builder(String name, Clock clock, Condition condition) {
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
        List<ConditionResult> units = units(result);
        boolean due = false;
        boolean waiting = false;
        streak = 0;
        int armedStreak = 0;
        List<String> armedReasons = new ArrayList<>();
        List<String> disarmed = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            ConditionResult unit = units.get(i);
            if (!unit.holds()) {
                streaks[i] = 0;
                armed[i] = true;
                continue;
            }
            streaks[i]++;
            streak = Math.max(streak, streaks[i]);
            if (!armed[i]) {
                disarmed.add(unit.name());
            } else if (streaks[i] >= consecutive) {
                due = true;
            } else {
                waiting = true;
                armedStreak = Math.max(armedStreak, streaks[i]);
                armedReasons.addAll(unit.holdingReasons());
            }
        }
        RetrainDecision decision;
        if (!result.holds()) {
            decision = decide(now, RetrainOutcome.QUIET, "Condition clear: " + result.reason(), result);
        } else if (due && lastTriggeredAt != null && now.isBefore(lastTriggeredAt.plus(cooldown))) {
            decision = decide(now, RetrainOutcome.COOLDOWN, "Due, but the last retrain was triggered at "
                    + lastTriggeredAt + "; cooldown " + cooldown + " ends at " + lastTriggeredAt.plus(cooldown)
                    + ".", result);
        } else if (due) {
            decision = fire(now, result, units);
        } else if (waiting) {
            decision = decide(now, RetrainOutcome.HOLDING, "Condition held " + armedStreak + " of " + consecutive
                    + " consecutive evaluations: " + String.join(" ", armedReasons), result);
        } else {
            decision = decide(now, RetrainOutcome.DISARMED, "Already triggered at " + lastTriggeredAt
                    + "; waiting for " + String.join(", ", disarmed) + " to clear before re-arming.", result);
        }
        record(decision);
        return decision;
    }

    /** The units with their own hysteresis: the parts of a top-level anyOf, else the whole result. */
    private List<ConditionResult> units(ConditionResult result) {
        if (!perPart) {
            return List.of(result);
        }
        if (result.parts().size() != streaks.length) {
            throw new IllegalStateException("Condition " + result.name() + " returned " + result.parts().size()
                    + " parts, expected " + streaks.length);
        }
        return result.parts();
    }

    private RetrainDecision fire(Instant now, ConditionResult result, List<ConditionResult> units) {
        RetrainRequest request = new RetrainRequest(name, now, result.holdingReasons(), result.holdingEvidence(),
                result);
        try {
            Objects.requireNonNull(action).accept(request);
        } catch (RuntimeException e) {
            LOG.warn("Retrain trigger {}: the action failed; it will be retried at the next evaluation", name, e);
            return decide(now, RetrainOutcome.ACTION_FAILED, "Retraining was due but the action failed: " + e,
                    result);
        }
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).holds()) {
                armed[i] = false;
            }
        }
        lastTriggeredAt = now;
        condition.acted(now); // a RetrainCondition hears retrained(now)
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
        private final Condition condition;
        private int consecutive = DEFAULT_CONSECUTIVE;
        private Duration cooldown = DEFAULT_COOLDOWN;
        private @Nullable Consumer<RetrainRequest> action;
        private Consumer<RetrainDecision> listener = decision -> { };

        private Builder(String name, Clock clock, Condition condition) {
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
