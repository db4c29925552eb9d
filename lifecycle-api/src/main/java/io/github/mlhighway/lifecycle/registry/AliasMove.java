package io.github.mlhighway.lifecycle.registry;

import io.github.mlhighway.lifecycle.gate.Verdict;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the append-only audit log: an alias moved from one version to another, with its evidence.
 *
 * @param sequence    1 for a model's first move, then 2, 3, … across all its aliases
 * @param model       the model
 * @param alias       the alias
 * @param fromVersion the version it pointed at before, or {@link AliasMoveRequest#UNASSIGNED} when it was new
 * @param toVersion   the version it points at now
 * @param verdict     the verdict attached, or null
 * @param override    the override recorded, or null
 * @param movedAt     when (from the registry's clock)
 * @param verdictSubject what the mover declared the verdict was decided about ({@code MODEL@VERSION}), or null
 * @since 0.1
 */
public record AliasMove(long sequence, String model, String alias, int fromVersion, int toVersion,
                        @Nullable Verdict verdict,
                        @Nullable AliasOverride override, Instant movedAt, @Nullable String verdictSubject) {

    /** Validates the components. */
    public AliasMove {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(movedAt, "movedAt");
        if (verdict == null && override == null) {
            throw new IllegalArgumentException("Alias move " + model + ":" + alias + " has neither verdict nor override");
        }
    }

    /**
     * One line for people: {@code champion 1 -> 2 by verdict PASS of gate 'auc' at …}.
     *
     * @return the text
     */
    public String describe() {
        StringBuilder text = new StringBuilder().append('#').append(sequence).append(' ').append(alias).append(' ')
                .append(fromVersion == AliasMoveRequest.UNASSIGNED ? "(new)" : String.valueOf(fromVersion))
                .append(" -> ").append(toVersion).append(" at ").append(movedAt);
        if (verdict != null) {
            text.append(", verdict ").append(verdict.outcome()).append(" of gate '").append(verdict.gate()).append('\'');
            if (verdictSubject != null) {
                text.append(" for ").append(verdictSubject);
            }
        }
        if (override != null) {
            text.append(", override by ").append(override.who()).append(": ").append(override.why());
        }
        return text.toString();
    }
}
