package io.github.mlhighway.lifecycle.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.mlhighway.lifecycle.core.json.Json;
import java.util.Objects;

/**
 * The one check of a document body shared by every store of this library (directory, in memory, PostgreSQL):
 * exactly one JSON value (no trailing text, not empty), stored compact. A {@code Store} implementation elsewhere can
 * use it to keep the SPI's "any JSON value, refused otherwise" rule the same way.
 *
 * @since 0.1
 */
public final class StoreBodies {

    private static final ObjectReader STRICT = Json.mapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StoreBodies() {
    }

    /**
     * The compact form of a body.
     *
     * @param collection the collection, for the message
     * @param key        the key, for the message
     * @param json       the body
     * @return the body re-serialised as compact JSON
     * @throws IllegalArgumentException if the body is empty or blank, not JSON, or more than one value
     */
    public static String canonical(String collection, String key, String json) {
        Objects.requireNonNull(json, "json");
        JsonNode tree;
        try {
            tree = STRICT.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Document " + collection + "/" + key + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalArgumentException("Document " + collection + "/" + key
                    + " is empty; a body is one JSON value, e.g. {} or null");
        }
        try {
            return Json.mapper().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the body of " + collection + "/" + key, e);
        }
    }
}
