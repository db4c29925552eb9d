package io.github.mlhighway.lifecycle.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The shared JSON configuration: java.time as ISO-8601 text, {@code Optional} support, sorted map keys,
 * unknown properties tolerated (so older readers accept newer documents).
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

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
