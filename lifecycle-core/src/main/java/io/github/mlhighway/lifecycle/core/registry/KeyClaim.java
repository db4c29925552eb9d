package io.github.mlhighway.lifecycle.core.registry;

import com.google.common.hash.Hashing;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The claim of an idempotency key on a version number of a model, one document per model and key in
 * {@link StoreModelRegistry#KEYS}. The version document with that number carries the key once registered.
 *
 * @param model   the model
 * @param key     the idempotency key
 * @param version the number the key is registered (or to be registered) as
 */
record KeyClaim(String model, @Nullable String key, int version) {

    /**
     * The document key of a claim: a digest of model and key, since keys may be long and hold any character.
     *
     * @param model the model
     * @param key   the idempotency key
     * @return {@code k-} and 64 hex digits
     */
    static String documentKey(String model, String key) {
        return "k-" + Hashing.sha256().hashString(model + '\n' + key, StandardCharsets.UTF_8);
    }

    /** Refuses a claim document that belongs to another model or key (a digest collision or a tampered store). */
    void requireFor(String expectedModel, String expectedKey, String documentKey) {
        if (!model.equals(expectedModel) || !Objects.requireNonNull(key).equals(expectedKey)) {
            throw new StoreException("Document " + StoreModelRegistry.KEYS + "/" + documentKey + " claims key '"
                    + key + "' of model " + model + ", not '" + expectedKey + "' of model " + expectedModel);
        }
    }
}
