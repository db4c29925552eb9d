package io.github.mlhighway.lifecycle.core.incident;

import com.google.common.hash.Hashing;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.store.StoreNames;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The streaks of every incident policy, one JSON document per policy in the {@code <collection>-policies}
 * collection, so a restarted process continues them. Written with compare-and-set on the revision read; the
 * manager is the only writer within a process (its methods are synchronized).
 */
final class PolicyStates {

    private final Store store;
    private final String collection;

    PolicyStates(Store store, String incidentCollection) {
        this.store = Objects.requireNonNull(store, "store");
        this.collection = StoreNames.requireValid(incidentCollection + "-policies", "collection");
    }

    /** The stored state of a policy with its revision, or a fresh one. */
    Stored read(String policy) {
        Optional<StoredDocument> doc = store.read(collection, key(policy));
        return doc.map(d -> new Stored(Json.read(d.json(), PolicyState.class), d.revision()))
                .orElseGet(() -> new Stored(PolicyState.fresh(policy), Store.MUST_NOT_EXIST));
    }

    /** Writes a state over the revision it was read at. */
    void write(PolicyState state, long revision) {
        store.write(collection, key(state.policy()), Json.write(state), revision);
    }

    private static String key(String policy) {
        return IncidentRepository.slug(policy) + "-"
                + Hashing.sha256().hashString(policy, StandardCharsets.UTF_8).toString().substring(0, 12);
    }

    /** A state and the revision it was read at. */
    record Stored(PolicyState state, long revision) {
    }

    /**
     * What a policy remembers between evaluations.
     *
     * @param policy            the policy's name
     * @param watching          which rule the streaks belong to: OPEN (no incident was open) or CLOSE
     * @param streak            consecutive evaluations (observations) the rule has held
     * @param lastObservation   the observation last counted in the streak, or null
     * @param evaluatedAt       the last evaluation, or null before the first
     */
    record PolicyState(String policy, PolicyEvaluation.RuleKind watching, int streak, @Nullable String lastObservation,
                       @Nullable Instant evaluatedAt) {

        static PolicyState fresh(String policy) {
            return new PolicyState(policy, PolicyEvaluation.RuleKind.OPEN, 0, null, null);
        }
    }
}
