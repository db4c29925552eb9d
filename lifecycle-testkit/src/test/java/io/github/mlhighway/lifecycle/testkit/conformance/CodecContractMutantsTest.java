package io.github.mlhighway.lifecycle.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.pipeline.Codecs;
import io.github.mlhighway.lifecycle.pipeline.Codec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CodecContract} fails every broken codec below, each breaking one rule of the {@link Codec} javadoc, in
 * the test that asserts it; and passes the correct codec they break.
 */
class CodecContractMutantsTest {

    /** A value whose natural JSON form depends on map order. */
    record Reading(String station, double value, Map<String, Integer> counts) {
    }

    static final List<Reading> SAMPLES = List.of(new Reading("zürich", 0.1, Map.of("a", 1, "b", 2, "c", 3, "d", 4)),
            new Reading("bern", 1e-300, Map.of()), new Reading("", 123456.789, Map.of("z", 0)));

    static Stream<Arguments> mutants() {
        return Stream.of(
                kill(LosesPrecision.class, "everySampleSurvivesARoundTripThroughAnotherInstance"),
                kill(DropsAField.class, "everySampleSurvivesARoundTripThroughAnotherInstance"),
                kill(KeyedPerInstance.class, "everySampleSurvivesARoundTripThroughAnotherInstance"),
                kill(StampsEachEncoding.class, "encodingIsDeterministic"),
                kill(MapOrderOfTheMoment.class, "encodingIsDeterministic"),
                kill(SaltedPerInstance.class, "encodingIsDeterministic",
                        "everySampleSurvivesARoundTripThroughAnotherInstance"),
                kill(ConstantBytes.class, "differentValuesEncodeDifferently"),
                kill(ClaimsJsonWritesBinary.class, "theMediaTypeAndNameDescribeTheEncoding"),
                kill(WritesLatin1.class, "theMediaTypeAndNameDescribeTheEncoding"),
                kill(BlankName.class, "theMediaTypeAndNameDescribeTheEncoding"),
                kill(NoMediaType.class, "theMediaTypeAndNameDescribeTheEncoding"),
                kill(DecodesGarbageToNull.class, "bytesItDidNotWriteAreRefused"));
    }

    private static Arguments kill(Class<? extends CodecContract<?>> mutant, String... tests) {
        return Arguments.of(mutant.getSimpleName(), mutant, Set.of(tests));
    }

    @ParameterizedTest(name = "the kit kills {0}")
    @MethodSource("mutants")
    void theKitFailsTheMutantInTheTestOfItsRule(String name, Class<? extends CodecContract<?>> mutant,
                                                Set<String> rule) {
        KitRun run = KitRun.of(mutant);

        assertThat(run.count()).as("tests run against %s", name).isEqualTo(5);
        assertThat(run.failures().keySet()).as("tests of the kit that failed %s: %s", name, run.failures())
                .containsAnyElementsOf(rule);
    }

    @Test
    void theKitPassesTheCodecTheMutantsBreak() {
        KitRun run = KitRun.of(Reference.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.aborted()).isEmpty();
    }

    /** A codec forwarding to the core's JSON codec of {@link Reading}; mutants override one method. */
    static class Forwarding implements Codec<Reading> {
        final Codec<Reading> json = Codecs.json(Reading.class);

        @Override
        public byte[] encode(Reading value) throws Exception {
            return json.encode(value);
        }

        @Override
        public Reading decode(byte[] bytes) throws Exception {
            return json.decode(bytes);
        }

        @Override
        public String mediaType() {
            return json.mediaType();
        }

        @Override
        public String name() {
            return json.name();
        }
    }

    @org.junit.jupiter.api.extension.ExtendWith(RunOnlyThroughKitRun.class)
    abstract static class Mutant extends CodecContract<Reading> {
        abstract Codec<Reading> codec();

        @Override
        protected Codec<Reading> newCodec() {
            return codec();
        }

        @Override
        protected List<Reading> samples() {
            return SAMPLES;
        }

        @Override
        protected List<byte[]> undecodable() {
            return List.of("{\"station\":".getBytes(StandardCharsets.UTF_8), "42".getBytes(StandardCharsets.UTF_8));
        }
    }

    static class Reference extends Mutant {
        @Override
        Codec<Reading> codec() {
            return new Forwarding();
        }
    }

    static class LosesPrecision extends Mutant {
        @Override
        Codec<Reading> codec() {
            return new Forwarding() {
                @Override
                public byte[] encode(Reading r) throws Exception {
                    return super.encode(new Reading(r.station(), (float) r.value(), r.counts()));
                }
            };
        }
    }

    static class DropsAField extends Mutant {
        @Override
        Codec<Reading> codec() {
            return new Forwarding() {
                @Override
                public byte[] encode(Reading r) throws Exception {
                    return super.encode(new Reading(r.station(), r.value(), Map.of()));
                }
            };
        }
    }

    /** XORs its bytes with a key of its own, so another instance cannot read them: no survival across a restart. */
    static class KeyedPerInstance extends Mutant {
        @Override
        Codec<Reading> codec() {
            byte key = (byte) (1 + new SplittableRandom().nextInt(250));
            return new Forwarding() {
                @Override
                public byte[] encode(Reading r) throws Exception {
                    return xor(super.encode(r), key);
                }

                @Override
                public Reading decode(byte[] bytes) throws Exception {
                    return super.decode(xor(bytes, key));
                }

                @Override
                public String mediaType() {
                    return "application/octet-stream";
                }
            };
        }
    }

    static byte[] xor(byte[] bytes, byte key) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] ^= key;
        }
        return out;
    }

    /** Appends a counter (as a timestamp would be) that decode ignores. */
    static class StampsEachEncoding extends Mutant {
        @Override
        Codec<Reading> codec() {
            AtomicInteger counter = new AtomicInteger();
            return new Forwarding() {
                @Override
                public byte[] encode(Reading r) throws Exception {
                    return (new String(super.encode(r), StandardCharsets.UTF_8) + " ".repeat(counter.incrementAndGet()
                            % 3)).getBytes(StandardCharsets.UTF_8);
                }
            };
        }
    }

    /** Writes the counts in an order that changes between calls, as an unordered map's can. */
    static class MapOrderOfTheMoment extends Mutant {
        @Override
        Codec<Reading> codec() {
            AtomicInteger calls = new AtomicInteger();
            return new Forwarding() {
                @Override
                public byte[] encode(Reading r) throws Exception {
                    StringBuilder json = new StringBuilder("{\"station\":")
                            .append(com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                                    .writeValueAsString(r.station()))
                            .append(",\"value\":").append(r.value()).append(",\"counts\":{");
                    List<String> keys = new java.util.ArrayList<>(r.counts().keySet());
                    java.util.Collections.sort(keys);
                    java.util.Collections.rotate(keys, calls.incrementAndGet());
                    for (int i = 0; i < keys.size(); i++) {
                        json.append(i == 0 ? "" : ",").append('"').append(keys.get(i)).append("\":")
                                .append(r.counts().get(keys.get(i)));
                    }
                    return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
                }
            };
        }
    }

    /** Prefixes a salt of its own that decode skips: readable everywhere, but a new digest on each instance. */
    static class SaltedPerInstance extends Mutant {
        @Override
        Codec<Reading> codec() {
            String salt = Long.toHexString(new SplittableRandom().nextLong());
            return new Forwarding() {
                @Override
                public byte[] encode(Reading r) throws Exception {
                    return (salt + "\n" + new String(super.encode(r), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public Reading decode(byte[] bytes) throws Exception {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    return super.decode(text.substring(text.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public String mediaType() {
                    return "text/plain";
                }
            };
        }
    }

    /** Encodes every value to the same bytes and remembers the last one to decode it. */
    static class ConstantBytes extends Mutant {
        @Override
        Codec<Reading> codec() {
            return new Forwarding() {
                @Override
                public byte[] encode(Reading r) {
                    REMEMBERED.put(Arrays.hashCode(new byte[] {1}), r);
                    return new byte[] {1};
                }

                @Override
                public Reading decode(byte[] bytes) {
                    return REMEMBERED.get(Arrays.hashCode(bytes));
                }

                @Override
                public String mediaType() {
                    return "application/octet-stream";
                }
            };
        }

        static final Map<Integer, Reading> REMEMBERED = new java.util.concurrent.ConcurrentHashMap<>();
    }

    static class ClaimsJsonWritesBinary extends Mutant {
        @Override
        Codec<Reading> codec() {
            return new Forwarding() {
                @Override
                public byte[] encode(Reading r) throws Exception {
                    byte[] json = super.encode(r);
                    byte[] framed = new byte[json.length + 4];
                    java.nio.ByteBuffer.wrap(framed).putInt(json.length).put(json);
                    return framed;
                }

                @Override
                public Reading decode(byte[] bytes) throws Exception {
                    return super.decode(Arrays.copyOfRange(bytes, 4, bytes.length));
                }
            };
        }
    }

    static class WritesLatin1 extends Mutant {
        @Override
        Codec<Reading> codec() {
            return new Forwarding() {
                @Override
                public byte[] encode(Reading r) throws Exception {
                    return new String(super.encode(r), StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
                }

                @Override
                public Reading decode(byte[] bytes) throws Exception {
                    return super.decode(new String(bytes, StandardCharsets.ISO_8859_1)
                            .getBytes(StandardCharsets.UTF_8));
                }
            };
        }
    }

    static class BlankName extends Mutant {
        @Override
        Codec<Reading> codec() {
            return new Forwarding() {
                @Override
                public String name() {
                    return " ";
                }
            };
        }
    }

    static class NoMediaType extends Mutant {
        @Override
        Codec<Reading> codec() {
            return new Forwarding() {
                @Override
                public String mediaType() {
                    return "json";
                }
            };
        }
    }

    static class DecodesGarbageToNull extends Mutant {
        @Override
        Codec<Reading> codec() {
            return new Forwarding() {
                @Override
                public Reading decode(byte[] bytes) {
                    try {
                        return super.decode(bytes);
                    } catch (Exception e) {
                        return null;
                    }
                }
            };
        }
    }
}
