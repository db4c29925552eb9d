package io.github.mlhighway.lifecycle.incident;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entry of an incident's timeline.
 *
 * @param at       when it happened
 * @param kind     what kind of event
 * @param source   what reported it: an SLO name, a release id, a policy name, an alias...
 * @param sentence one sentence for people, with the key numbers in it
 * @param numbers  the evidence numbers by name (e.g. {@code long_burn_rate}, {@code budget_consumed})
 * @param details  the evidence that is not a number by name (e.g. {@code from_version}, {@code tier})
 * @since 0.1
 */
public record IncidentEvent(Instant at, IncidentEventKind kind, String source, String sentence,
                            Map<String, Double> numbers, Map<String, String> details) {

    /** The detail that holds the idempotency id of the evidence an event was recorded from. */
    public static final String IDEMPOTENCY_ID = "idempotency_id";

    /** Validates and copies the components; maps are sorted by name. */
    public IncidentEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sentence, "sentence");
        numbers = IncidentEvidence.sortedNumbers(numbers);
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /**
     * The idempotency id of the evidence this event was recorded from.
     *
     * @return the id, empty when the evidence had none
     */
    public java.util.Optional<String> idempotencyId() {
        return java.util.Optional.ofNullable(details.get(IDEMPOTENCY_ID));
    }
}
