package io.github.mlhighway.lifecycle.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlhighway.lifecycle.pipeline.Codec;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract of the pipeline {@link Codec} SPI as tests. Extend it with the codec and sample values that cover
 * its type's corners (empty, extreme, non-ASCII, nested values):
 *
 * <pre>{@code
 * class ForecastCodecContractTest extends CodecContract<Forecast> {
 *     protected Codec<Forecast> newCodec() { return Codecs.json(Forecast.class); }
 *     protected List<Forecast> samples() { return List.of(new Forecast("zürich", 0.3), new Forecast("", -0.0)); }
 * }
 * }</pre>
 *
 * <p>The rules, and the tests that assert them:
 * <ul>
 *   <li><b>Round trip</b>: every sample decodes to an equivalent value ({@link #assertEquivalent}, equality by
 *       default), also by another instance from {@link #newCodec()}, as after a restart
 *       ({@link #everySampleSurvivesARoundTripThroughAnotherInstance}).</li>
 *   <li><b>Deterministic encoding</b>, since the digest of the bytes identifies the output: encoding a sample
 *       twice, on two instances, and encoding its decoded copy give the same bytes
 *       ({@link #encodingIsDeterministic}); samples that are not equivalent encode to different bytes
 *       ({@link #differentValuesEncodeDifferently}).</li>
 *   <li><b>Media type and name</b>: a {@code type/subtype} media type; a JSON codec writes exactly one JSON value
 *       in UTF-8; a non-blank name ({@link #theMediaTypeAndNameDescribeTheEncoding}).</li>
 *   <li><b>Refusing bytes it did not write</b>: each of {@link #undecodable()} makes {@code decode} throw rather
 *       than return a value ({@link #bytesItDidNotWriteAreRefused}; skipped when there are none, e.g. a bytes
 *       codec decodes anything).</li>
 * </ul>
 *
 * @param <T> the encoded type
 * @since 0.1
 */
public abstract class CodecContract<T> {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*"
            + "(;.*)?");
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Creates the contract; subclasses are JUnit test classes. */
    protected CodecContract() {
    }

    /**
     * A codec under test; each call returns a new instance, configured the same way.
     *
     * @return the codec
     */
    protected abstract Codec<T> newCodec();

    /**
     * Values to encode, at least two that are not equivalent.
     *
     * @return the samples
     */
    protected abstract List<T> samples();

    /**
     * Byte strings the codec must refuse to decode (truncated or foreign encodings). The default is none.
     *
     * @return the byte strings
     */
    protected List<byte[]> undecodable() {
        return List.of();
    }

    /**
     * Asserts that a decoded value is equivalent to the original. The default uses {@code equals} (arrays by
     * content); override for a type without a value {@code equals}.
     *
     * @param decoded  the decoded value
     * @param original the original
     */
    protected void assertEquivalent(T decoded, T original) {
        assertThat(decoded).as("decoded value").isEqualTo(original);
    }

    /**
     * Every sample decodes, on another instance, to a value equivalent to it.
     *
     * @throws Exception if encoding or decoding fails
     */
    @Test
    protected void everySampleSurvivesARoundTripThroughAnotherInstance() throws Exception {
        Codec<T> writer = newCodec();
        for (T sample : samples()) {
            byte[] bytes = writer.encode(sample);
            assertThat(bytes).as("encoding of %s", sample).isNotNull();
            assertEquivalent(writer.decode(bytes.clone()), sample);
            assertEquivalent(newCodec().decode(bytes.clone()), sample);
        }
    }

    /**
     * A sample encodes to the same bytes twice, on two instances, and after a round trip.
     *
     * @throws Exception if encoding or decoding fails
     */
    @Test
    protected void encodingIsDeterministic() throws Exception {
        Codec<T> codec = newCodec();
        for (T sample : samples()) {
            byte[] first = codec.encode(sample);
            assertThat(codec.encode(sample)).as("second encoding of %s", sample).isEqualTo(first);
            assertThat(newCodec().encode(sample)).as("encoding of %s by another instance", sample).isEqualTo(first);
            assertThat(codec.encode(codec.decode(first.clone()))).as("encoding of the decoded copy of %s", sample)
                    .isEqualTo(first);
        }
    }

    /**
     * Samples that are not equivalent encode to different bytes, so their digests tell them apart.
     *
     * @throws Exception if encoding fails
     */
    @Test
    protected void differentValuesEncodeDifferently() throws Exception {
        Codec<T> codec = newCodec();
        List<T> samples = samples();
        assertThat(samples).as("samples()").hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < samples.size(); i++) {
            for (int j = i + 1; j < samples.size(); j++) {
                if (!equivalent(samples.get(i), samples.get(j))
                        && Arrays.equals(codec.encode(samples.get(i)), codec.encode(samples.get(j)))) {
                    fail("Samples " + samples.get(i) + " and " + samples.get(j) + " encode to the same bytes");
                }
            }
        }
    }

    /**
     * The media type is {@code type/subtype}, a JSON codec writes one JSON value in UTF-8, and the name is set.
     *
     * @throws Exception if encoding fails
     */
    @Test
    protected void theMediaTypeAndNameDescribeTheEncoding() throws Exception {
        Codec<T> codec = newCodec();
        assertThat(codec.name()).as("name()").isNotBlank();
        assertThat(codec.mediaType()).as("mediaType()").isNotNull().matches(MEDIA_TYPE);
        if (codec.mediaType().equals(Codec.JSON)) {
            for (T sample : samples()) {
                byte[] bytes = codec.encode(sample);
                String text;
                try {
                    text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                } catch (CharacterCodingException e) {
                    throw new AssertionError("A " + Codec.JSON + " codec wrote bytes that are not UTF-8 for "
                            + sample, e);
                }
                try {
                    assertThat(STRICT.readTree(text)).as("JSON of %s", sample).isNotNull();
                } catch (java.io.IOException e) {
                    throw new AssertionError("A " + Codec.JSON + " codec wrote text that is not one JSON value for "
                            + sample + ": " + text, e);
                }
            }
        }
    }

    /** Bytes the codec did not write are refused with an exception. */
    @Test
    protected void bytesItDidNotWriteAreRefused() {
        List<byte[]> undecodable = undecodable();
        Assumptions.assumeFalse(undecodable.isEmpty(), "undecodable() lists no bytes to refuse");
        Codec<T> codec = newCodec();
        for (byte[] bytes : undecodable) {
            assertThatThrownBy(() -> codec.decode(bytes.clone())).as("decoding <%s>",
                    new String(bytes, StandardCharsets.UTF_8)).isInstanceOf(Exception.class);
        }
    }

    private boolean equivalent(T a, T b) {
        try {
            assertEquivalent(a, b);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }
}
