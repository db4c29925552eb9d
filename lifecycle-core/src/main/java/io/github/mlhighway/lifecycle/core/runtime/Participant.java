package io.github.mlhighway.lifecycle.core.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One thing the runtime ticks: an action run at most once per interval on the runtime's clock (every tick when the
 * interval is zero), until it says it is finished.
 */
final class Participant {

    private final String name;
    private final Duration every;
    private final BooleanSupplier action;
    private final @Nullable Object subject;
    private @Nullable Instant nextDue;

    /**
     * @param name   what it is, for messages
     * @param every  how often (zero: every tick)
     * @param action runs it; returns false when the participant is finished and can be dropped
     */
    Participant(String name, Duration every, BooleanSupplier action) {
        this(name, every, action, null);
    }

    /**
     * @param subject what the participant evaluates (a retraining trigger, an incident policy), so it can be
     *                removed by it; null for the runtime's own parts
     */
    Participant(String name, Duration every, BooleanSupplier action, @Nullable Object subject) {
        this.name = Objects.requireNonNull(name, "name");
        this.every = Objects.requireNonNull(every, "every");
        this.action = Objects.requireNonNull(action, "action");
        this.subject = subject;
    }

    boolean isFor(Object candidate) {
        return subject != null && subject == candidate;
    }

    static Participant always(String name, Runnable action) {
        return new Participant(name, Duration.ZERO, () -> {
            action.run();
            return true;
        });
    }

    String name() {
        return name;
    }

    /**
     * Runs the action when it is due.
     *
     * @param now the runtime's time
     * @return false when the participant is finished
     */
    synchronized boolean tick(Instant now) {
        if (nextDue != null && now.isBefore(nextDue)) {
            return true;
        }
        nextDue = every.isZero() ? null : (nextDue == null ? now : nextDue).plus(every);
        if (nextDue != null && !nextDue.isAfter(now)) {
            nextDue = now.plus(every); // fell behind (a long pause): run once, then keep the interval from now
        }
        return action.getAsBoolean();
    }

    @Override
    public String toString() {
        return "Participant[" + name + (every.isZero() ? "" : ", every " + every) + "]";
    }
}
