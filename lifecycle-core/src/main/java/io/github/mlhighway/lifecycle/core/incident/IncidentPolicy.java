package io.github.mlhighway.lifecycle.core.incident;

import io.github.mlhighway.lifecycle.core.condition.Condition;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A declared rule for when an incident opens and when it closes, over evaluated {@link Condition conditions} (the
 * same vocabulary as retraining triggers, from {@link io.github.mlhighway.lifecycle.core.condition.Conditions}),
 * each with the number of consecutive evaluations it must hold. Evaluated by
 * {@link IncidentManager#evaluate(IncidentPolicy)} (or registered on the manager and evaluated on
 * {@link IncidentManager#tick()}).
 *
 * <ul>
 *   <li>While no incident is open for the policy's {@link #key()}, the open rule is evaluated; once it has held
 *       {@link Rule#consecutive()} evaluations in a row an incident opens, its evidence the conditions' observed
 *       values and thresholds.
 *   <li>While one is open, the close rule is evaluated the same way and closes it (not while a page alert of the
 *       incident fires). An incident opened by a policy is not closed by the manager's quiet period: its close
 *       rule (or a person) closes it.
 *   <li>A result that {@link io.github.mlhighway.lifecycle.core.condition.ConditionStatus#INCONCLUSIVE cannot be
 *       decided} counts neither way: the streak neither grows nor breaks. A clear result breaks it.
 *   <li>A result measured on an {@link io.github.mlhighway.lifecycle.core.condition.ConditionResult#observation()
 *       observation} (a drift window) counts once per observation, so a weekly window evaluated every day is one
 *       week in the streak. Results without one (a budget now) count at every evaluation.
 *   <li>The streaks are kept in the manager's store, so a restarted process continues them. An evaluation at a
 *       time before the stored last one (a replayed stage on a simulated clock) changes nothing: the store already
 *       holds what those evaluations decided.
 * </ul>
 *
 * <pre>{@code
 * IncidentPolicy rainQuality = IncidentPolicy.builder("rain-quality").key("rain")
 *         .openWhen(allOf(drifting("serving-inputs", latestWindow::get), budgetRemainingBelow(accuracy, 0.5)))
 *         .consecutive(2)
 *         .closeWhen(allOf(notDrifting("serving-inputs", latestWindow::get), budgetRemainingAtLeast(accuracy, 0.5)))
 *         .consecutive(2)
 *         .build();
 * }</pre>
 *
 * @see IncidentManager#evaluate(IncidentPolicy)
 * @since 0.1
 */
public final class IncidentPolicy {

    /** Consecutive evaluations a rule must hold, by default. */
    public static final int DEFAULT_CONSECUTIVE = 1;

    private final String name;
    private final String key;
    private final Rule open;
    private final Rule close;
    private final @Nullable String title;

    private IncidentPolicy(Builder builder) {
        this.name = builder.name;
        this.key = builder.key == null ? builder.name : builder.key;
        this.open = new Rule(Objects.requireNonNull(builder.openWhen), builder.openConsecutive);
        this.close = new Rule(Objects.requireNonNull(builder.closeWhen), builder.closeConsecutive);
        this.title = builder.title;
    }

    /**
     * A builder.
     *
     * @param name the policy's name: unique per manager, it names the stored streaks and the evidence source
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the policy's name */
    public String name() {
        return name;
    }

    /** @return the incident key the policy opens and closes (default: its name) */
    public String key() {
        return key;
    }

    /** @return the rule that opens an incident */
    public Rule openRule() {
        return open;
    }

    /** @return the rule that closes it */
    public Rule closeRule() {
        return close;
    }

    /** @return the title of the incidents it opens, when one was given (otherwise built from the evidence) */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    @Override
    public String toString() {
        return "IncidentPolicy[" + name + ", key " + key + ", open after " + open.consecutive() + ", close after "
                + close.consecutive() + "]";
    }

    /**
     * One rule of a policy.
     *
     * @param condition   what must hold
     * @param consecutive how many evaluations in a row (observations, for results measured on one) it must hold
     */
    public record Rule(Condition condition, int consecutive) {

        /** Validates the components. */
        public Rule {
            Objects.requireNonNull(condition, "condition");
            if (consecutive < 1) {
                throw new IllegalArgumentException("Consecutive evaluations must be at least 1, was " + consecutive);
            }
        }
    }

    /** Builds an {@link IncidentPolicy}; {@link #consecutive} applies to the rule declared just before it. */
    public static final class Builder {
        private final String name;
        private @Nullable String key;
        private @Nullable String title;
        private @Nullable Condition openWhen;
        private @Nullable Condition closeWhen;
        private int openConsecutive = DEFAULT_CONSECUTIVE;
        private int closeConsecutive = DEFAULT_CONSECUTIVE;
        private boolean lastIsClose;

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("Incident policy name must not be blank");
            }
            this.name = name;
        }

        /**
         * The incident key the policy opens and closes (an SLO or service name; default: the policy's name).
         *
         * @param incidentKey the key
         * @return this builder
         */
        public Builder key(String incidentKey) {
            Objects.requireNonNull(incidentKey, "incidentKey");
            if (incidentKey.isBlank()) {
                throw new IllegalArgumentException("Incident policy '" + name + "': key must not be blank");
            }
            this.key = incidentKey;
            return this;
        }

        /**
         * The title of the incidents the policy opens (default: the policy's name and the open rule's reasons).
         *
         * @param line one line
         * @return this builder
         */
        public Builder title(String line) {
            Objects.requireNonNull(line, "line");
            if (line.isBlank()) {
                throw new IllegalArgumentException("Incident policy '" + name + "': title must not be blank");
            }
            this.title = line;
            return this;
        }

        /**
         * The open rule. Required.
         *
         * @param condition what must hold for an incident to open
         * @return this builder
         */
        public Builder openWhen(Condition condition) {
            this.openWhen = Objects.requireNonNull(condition, "condition");
            this.lastIsClose = false;
            return this;
        }

        /**
         * The close rule. Required.
         *
         * @param condition what must hold for the open incident to close
         * @return this builder
         */
        public Builder closeWhen(Condition condition) {
            this.closeWhen = Objects.requireNonNull(condition, "condition");
            this.lastIsClose = true;
            return this;
        }

        /**
         * How many consecutive evaluations the rule declared just before must hold.
         *
         * @param evaluations at least 1
         * @return this builder
         * @throws IllegalStateException if no rule was declared yet
         */
        public Builder consecutive(int evaluations) {
            if (evaluations < 1) {
                throw new IllegalArgumentException("Incident policy '" + name + "': consecutive evaluations must be"
                        + " at least 1, was " + evaluations);
            }
            if (lastIsClose) {
                closeConsecutive = evaluations;
            } else if (openWhen != null) {
                openConsecutive = evaluations;
            } else {
                throw new IllegalStateException("Incident policy '" + name + "': consecutive(" + evaluations
                        + ") must follow openWhen(...) or closeWhen(...)");
            }
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalStateException if the open or the close rule is missing
         */
        public IncidentPolicy build() {
            if (openWhen == null || closeWhen == null) {
                throw new IllegalStateException("Incident policy '" + name + "' needs both openWhen(...) and"
                        + " closeWhen(...)");
            }
            return new IncidentPolicy(this);
        }
    }
}
