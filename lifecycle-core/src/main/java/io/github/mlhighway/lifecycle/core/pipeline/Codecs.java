package io.github.mlhighway.lifecycle.core.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelComparison;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.pipeline.Codec;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * The built-in codecs. Pipelines pick one per stage output type; pass your own for anything else.
 *
 * @since 0.1
 */
public final class Codecs {

    private Codecs() {
    }

    /**
     * JSON through Jackson, for records and plain objects.
     *
     * @param type the class
     * @param <T>  the type
     * @return the codec
     */
    public static <T> Codec<T> json(Class<T> type) {
        return new JsonCodec<>(Json.mapper().constructType(Objects.requireNonNull(type, "type")));
    }

    /**
     * JSON through Jackson for a generic type, e.g. {@code json(new TypeReference<List<Double>>() {})}.
     *
     * @param type the type
     * @param <T>  the type
     * @return the codec
     */
    public static <T> Codec<T> json(TypeReference<T> type) {
        return new JsonCodec<>(Json.mapper().constructType(Objects.requireNonNull(type, "type")));
    }

    /** @return the identity codec for byte arrays */
    public static Codec<byte[]> bytes() {
        return of("bytes", "application/octet-stream", bytes -> bytes, bytes -> bytes);
    }

    /** @return UTF-8 text */
    public static Codec<String> utf8() {
        return of("utf8", "text/plain", text -> text.getBytes(StandardCharsets.UTF_8),
                bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** @return data profiles in their versioned JSON form; lineage records the digests of profile outputs */
    public static Codec<DatasetProfile> profile() {
        return of("profile", Codec.JSON, profile -> profile.toJson().getBytes(StandardCharsets.UTF_8),
                bytes -> DatasetProfile.fromJson(new String(bytes, StandardCharsets.UTF_8)));
    }

    /**
     * {@link Table} as versioned JSON columns ({@code "format":"lifecycle.table","version":1}), each with its name,
     * type and values; nulls, NaN and infinities, every column type and the exact bits of every double survive a
     * round trip. Pipelines use it for stage outputs of type {@code Table} without being told.
     *
     * @return the codec
     */
    public static Codec<Table> table() {
        return new TableCodec();
    }

    /**
     * {@link ModelComparison} in its JSON form ({@link ModelComparison#toJson()}: task, labels or actuals,
     * challenger, champion and slice keys per row), so an evaluation stage can feed a model gate and be resumed.
     *
     * @return the codec
     */
    public static Codec<ModelComparison> modelComparison() {
        return of("model-comparison", Codec.JSON, comparison -> comparison.toJson().getBytes(StandardCharsets.UTF_8),
                bytes -> ModelComparison.fromJson(new String(bytes, StandardCharsets.UTF_8)));
    }

    /**
     * A codec from two functions.
     *
     * @param name      its name in run records
     * @param mediaType the media type of the encoded form ({@link Codec#JSON} is stored as readable JSON)
     * @param encoder   value to bytes
     * @param decoder   bytes to value
     * @param <T>       the type
     * @return the codec
     */
    public static <T> Codec<T> of(String name, String mediaType, Function<? super T, byte[]> encoder,
            Function<byte[], ? extends T> decoder) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(decoder, "decoder");
        return new Codec<>() {
            @Override
            public byte[] encode(T value) {
                return encoder.apply(value);
            }

            @Override
            public T decode(byte[] bytes) {
                return decoder.apply(bytes);
            }

            @Override
            public String mediaType() {
                return mediaType;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
