package io.github.mlhighway.lifecycle.incident;

import io.github.mlhighway.lifecycle.policy.Action;
import io.github.mlhighway.lifecycle.policy.Decision;
import io.github.mlhighway.lifecycle.policy.PolicyDecision;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A generic event reported to the incident manager by something that is not an SLO tracker: a release that
 * rolled back, an error-budget policy decision, an alias move, drift, a person's note. Build one with a factory
 * method and, when the incident key is not the default, re-key it with {@link #forKey(String)}.
 *
 * @param key       the incident key (usually the service or SLO name) that deduplicates incidents
 * @param at        when it happened; null means "when the manager receives it"
 * @param kind      what kind of event
 * @param source    what reported it (release id, policy name, alias...)
 * @param sentence  one sentence for the timeline
 * @param numbers   evidence numbers by name
 * @param details   evidence that is not a number (versions, rule names...)
 * @param opens     whether this event opens an incident when none is open for the key
 * @param mitigates whether this event stops the impact (sets the incident's mitigation time)
 * @param idempotencyId null, or an id that makes recording this evidence a second time a no-op, across processes
 *                  (e.g. {@code run-7/serve-new-york/drift-2026-06-08} from {@link #idempotent}): a stage re-run after
 *                  a crash then neither opens a second incident nor appends a second timeline entry
 * @since 0.1
 */
public record IncidentEvidence(String key, @Nullable Instant at, IncidentEventKind kind, String source, String sentence,
                               Map<String, Double> numbers, Map<String, String> details, boolean opens,
                               boolean mitigates, @Nullable String idempotencyId) {

    /** The longest {@link #idempotencyId()} accepted. */
    public static final int MAX_IDEMPOTENCY_ID_LENGTH = 512;

    /** Validates and copies the components. */
    public IncidentEvidence {
        requireText(key, "key");
        if (idempotencyId != null && (idempotencyId.isBlank() || idempotencyId.length() > MAX_IDEMPOTENCY_ID_LENGTH)) {
            throw new IllegalArgumentException("Incident evidence idempotency id must be non-blank and at most "
                    + MAX_IDEMPOTENCY_ID_LENGTH + " characters, was '" + idempotencyId + "'");
        }
        Objects.requireNonNull(kind, "kind");
        requireText(source, "source");
        requireText(sentence, "sentence");
        if (kind == IncidentEventKind.OPENED || kind == IncidentEventKind.CLOSED) {
            throw new IllegalArgumentException("Evidence kind " + kind + " is reserved for the incident manager");
        }
        numbers = sortedNumbers(numbers);
        details = details == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /**
     * Evidence without an idempotency id (recorded every time it is reported).
     *
     * @param key       the incident key
     * @param at        when it happened, or null for "when received"
     * @param kind      what kind of event
     * @param source    what reported it
     * @param sentence  one sentence for the timeline
     * @param numbers   evidence numbers
     * @param details   evidence that is not a number
     * @param opens     whether it opens an incident when none is open for its key
     * @param mitigates whether it stops the impact
     */
    public IncidentEvidence(String key, @Nullable Instant at, IncidentEventKind kind, String source, String sentence,
                            Map<String, Double> numbers, Map<String, String> details, boolean opens,
                            boolean mitigates) {
        this(key, at, kind, source, sentence, numbers, details, opens, mitigates, null);
    }

    /**
     * A release rolled back: opens an incident (keyed by the release id until re-keyed) and counts as mitigation.
     *
     * @param releaseId   the release
     * @param fromVersion the version traffic left
     * @param toVersion   the version traffic went back to
     * @param reason      why, one sentence
     * @param evidence    the numbers the rollback was decided on (error ratios, burn rates...)
     * @return the evidence
     */
    public static IncidentEvidence rollback(String releaseId, String fromVersion, String toVersion, String reason,
                                            Map<String, Double> evidence) {
        requireText(fromVersion, "fromVersion");
        requireText(toVersion, "toVersion");
        requireText(reason, "reason");
        String sentence = "Release " + releaseId + " rolled back from " + fromVersion + " to " + toVersion + ": "
                + reason;
        return new IncidentEvidence(releaseId, null, IncidentEventKind.ROLLBACK, releaseId, sentence, evidence,
                Map.of("release", releaseId, "from_version", fromVersion, "to_version", toVersion), true, true);
    }

    /**
     * An alias moved (e.g. {@code champion} from v3 to v2). Appended to an open incident; never opens one.
     *
     * @param alias       the alias
     * @param fromVersion the version it pointed to
     * @param toVersion   the version it points to now
     * @param reason      why, one sentence
     * @return the evidence, keyed by the alias until re-keyed
     */
    public static IncidentEvidence aliasMove(String alias, String fromVersion, String toVersion, String reason) {
        requireText(fromVersion, "fromVersion");
        requireText(toVersion, "toVersion");
        String sentence = "Alias " + alias + " moved from " + fromVersion + " to " + toVersion + ": " + reason;
        return new IncidentEvidence(alias, null, IncidentEventKind.ALIAS_MOVE, alias, sentence, Map.of(),
                Map.of("alias", alias, "from_version", fromVersion, "to_version", toVersion), false, false);
    }

    /**
     * An error-budget policy decision. It opens an incident when it decided a blocking action (freeze, roll back)
     * or a page; otherwise it is only appended to an open incident. Keyed by the first SLO named by a decision,
     * else by the policy name. Numbers are prefixed with the rule name ({@code rule.remaining_fraction}).
     *
     * @param decision the decision
     * @return the evidence
     */
    public static IncidentEvidence policy(PolicyDecision decision) {
        Objects.requireNonNull(decision, "decision");
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        StringBuilder reasons = new StringBuilder();
        String key = decision.policy();
        boolean keyed = false;
        boolean opens = false;
        for (Decision d : decision.decisions()) {
            if (d.action().equals(Action.ALLOW)) {
                continue;
            }
            d.evidence().forEach((name, value) -> numbers.put(d.rule() + "." + name, value));
            details.put(d.rule(), d.action().name());
            reasons.append(reasons.length() == 0 ? "" : "; ").append(d.action().name()).append(": ")
                    .append(d.reason());
            opens |= d.action().blocksReleases() || d.action().equals(Action.PAGE);
            if (!keyed && !d.slo().isEmpty()) {
                key = d.slo();
                keyed = true;
            }
        }
        details.put("change", decision.change().id());
        String sentence = "Policy " + decision.policy() + " decided for " + decision.change().kind() + " "
                + decision.change().id() + ": " + (reasons.length() == 0 ? "ALLOW" : reasons);
        return new IncidentEvidence(key, decision.at(), IncidentEventKind.POLICY_DECISION, decision.policy(),
                sentence, numbers, details, opens, false);
    }

    /**
     * The impact was stopped by something other than a rollback (a config change, a fallback, a restart).
     *
     * @param key      the incident key
     * @param sentence what was done
     * @return the evidence
     */
    public static IncidentEvidence mitigated(String key, String sentence) {
        return new IncidentEvidence(key, null, IncidentEventKind.MITIGATED, "operator", sentence, Map.of(),
                Map.of(), false, true);
    }

    /**
     * A free note for the timeline of the open incident.
     *
     * @param key      the incident key
     * @param sentence the note
     * @return the evidence
     */
    public static IncidentEvidence note(String key, String sentence) {
        return new IncidentEvidence(key, null, IncidentEventKind.NOTE, "operator", sentence, Map.of(), Map.of(),
                false, false);
    }

    /**
     * The same evidence for another incident key (e.g. the service name instead of the release id).
     *
     * @param incidentKey the key
     * @return the evidence
     */
    public IncidentEvidence forKey(String incidentKey) {
        return new IncidentEvidence(incidentKey, at, kind, source, sentence, numbers, details, opens, mitigates,
                idempotencyId);
    }

    /**
     * The same evidence at a given time (when it happened before it was reported).
     *
     * @param when when it happened
     * @return the evidence
     */
    public IncidentEvidence at(Instant when) {
        return new IncidentEvidence(key, Objects.requireNonNull(when, "when"), kind, source, sentence, numbers,
                details, opens, mitigates, idempotencyId);
    }

    /**
     * The same evidence, opening an incident or not.
     *
     * @param open whether it opens an incident when none is open for its key
     * @return the evidence
     */
    public IncidentEvidence opening(boolean open) {
        return new IncidentEvidence(key, at, kind, source, sentence, numbers, details, open, mitigates,
                idempotencyId);
    }

    /**
     * The same evidence with an idempotency id: the incident manager records it once, however often it is
     * reported (across processes: the id is kept in the store).
     *
     * @param id the id, non-blank; null removes it
     * @return the evidence
     */
    public IncidentEvidence withIdempotencyId(@Nullable String id) {
        return new IncidentEvidence(key, at, kind, source, sentence, numbers, details, opens, mitigates, id);
    }

    /**
     * The same evidence, recorded once per pipeline run, stage and what it reports: a stage re-run after a crash
     * reports the same id and changes nothing twice.
     *
     * @param runId the run id
     * @param stage the stage name
     * @param what  what this is within the stage (e.g. {@code drift-2026-06-08}, {@code rollback})
     * @return the evidence, with the id {@code runId/stage/what}
     */
    public IncidentEvidence idempotent(String runId, String stage, String what) {
        requireText(runId, "run id");
        requireText(stage, "stage");
        requireText(what, "what");
        return withIdempotencyId(runId + "/" + stage + "/" + what);
    }

    static Map<String, Double> sortedNumbers(Map<String, Double> numbers) {
        if (numbers == null || numbers.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, Double> sorted = new TreeMap<>();
        numbers.forEach((name, value) -> {
            Objects.requireNonNull(name, "evidence name");
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("Evidence number '" + name + "' must be finite, was " + value);
            }
            sorted.put(name, value);
        });
        return Collections.unmodifiableMap(sorted);
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("Incident evidence " + what + " must not be blank");
        }
    }
}
