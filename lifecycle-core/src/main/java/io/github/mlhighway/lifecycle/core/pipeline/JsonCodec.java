package io.github.mlhighway.lifecycle.core.pipeline;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.pipeline.Codec;
import java.util.Objects;

/** A codec that writes values as compact JSON with the shared {@link Json} mapper (sorted map keys). */
final class JsonCodec<T> implements Codec<T> {

    private final ObjectMapper mapper = Json.mapper();
    private final JavaType type;

    JsonCodec(JavaType type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public byte[] encode(T value) throws Exception {
        return mapper.writerFor(type).writeValueAsBytes(value);
    }

    @Override
    public T decode(byte[] bytes) throws Exception {
        return mapper.readerFor(type).readValue(bytes);
    }

    @Override
    public String mediaType() {
        return JSON;
    }

    @Override
    public String name() {
        return "json:" + type.toCanonical();
    }
}
