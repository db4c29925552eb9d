package io.github.mlhighway.lifecycle.pipeline;

/**
 * Turns a stage output into bytes and back, so a completed stage survives the process. The digest of the
 * encoded bytes identifies the output in run records and lineage, so encoding should be deterministic.
 *
 * @param <T> the encoded type
 * @since 0.1
 */
public interface Codec<T> {

    /** Media type of JSON codecs; their output is stored as readable JSON. */
    String JSON = "application/json";

    /**
     * Encodes a value.
     *
     * @param value the value, never null
     * @return the bytes
     * @throws Exception if the value cannot be encoded
     */
    byte[] encode(T value) throws Exception;

    /**
     * Decodes bytes written by {@link #encode}.
     *
     * @param bytes the bytes
     * @return the value
     * @throws Exception if the bytes cannot be decoded
     */
    T decode(byte[] bytes) throws Exception;

    /** @return the media type of the encoded form, {@link #JSON} or e.g. {@code application/octet-stream} */
    String mediaType();

    /** @return a short name for records and messages, e.g. {@code json:Model} */
    String name();
}
