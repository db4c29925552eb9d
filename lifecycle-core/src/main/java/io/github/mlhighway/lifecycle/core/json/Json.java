package io.github.mlhighway.lifecycle.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The shared JSON configuration: java.time as ISO-8601 text, {@code Optional} support, sorted map keys,
 * unknown properties tolerated (so older readers accept newer documents). Components added to API records later
 * are left out while empty ({@code Verdict.subject}, {@code ModelVersion.idempotencyKey}), so documents without
 * them are written exactly as before.
 *
 * @since 0.1
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(Verdict.class, VerdictJson.class)
            .addMixIn(ModelVersion.class, KeyedJson.class)
            .addMixIn(NewModelVersion.class, KeyedJson.class)
            .build();

    /** Leaves an empty verdict subject out. */
    private abstract static class VerdictJson {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract Map<String, String> subject();
    }

    /** Leaves an absent idempotency key out. */
    private abstract static class KeyedJson {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String idempotencyKey();
    }

    private Json() {
    }

    /**
     * The shared, thread-safe mapper. Do not reconfigure it; {@code copy()} it instead.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Serializes a value to compact JSON.
     *
     * @param value any Jackson-serializable value (records included)
     * @return the JSON text
     * @throws UncheckedIOException if the value cannot be serialized
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot serialize " + value.getClass().getName() + " to JSON", e);
        }
    }

    /**
     * Serializes a value to indented JSON for people to read.
     *
     * @param value any Jackson-serializable value
     * @return the JSON text
     */
    public static String writePretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot serialize " + value.getClass().getName() + " to JSON", e);
        }
    }

    /**
     * Parses JSON into a type.
     *
     * @param json the text
     * @param type the target type
     * @param <T>  target type
     * @return the value
     * @throws UncheckedIOException if the text is not valid JSON for the type
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot read " + type.getSimpleName() + " from JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
