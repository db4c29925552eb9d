package io.github.mlhighway.lifecycle.spark.internal;

import io.github.mlhighway.lifecycle.core.data.quality.RowConstraint;
import io.github.mlhighway.lifecycle.core.data.quality.RowConstraint.Tally;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The typed aggregator behind Spark data gates: judges every row against the gate's row constraints with the
 * library's own rules and returns, per constraint, the tally of the whole Dataset (as bytes of a flat long
 * array: judged, failed, number of examples, examples...). Runs next to the profile aggregator in the same scan.
 *
 * @since 0.1
 */
public final class GateAggregator extends Aggregator<Row, GateBuffer, byte[]> {

    private static final long serialVersionUID = 1L;

    private final ProfileSpec spec;
    private final RowConstraint[] constraints;

    /**
     * An aggregator.
     *
     * @param spec        the judged columns, in the order of the input row's fields
     * @param constraints the row constraints (serializable; a predicate of {@code satisfies} must be too)
     */
    public GateAggregator(ProfileSpec spec, List<RowConstraint> constraints) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.constraints = constraints.toArray(RowConstraint[]::new);
    }

    @Override
    public GateBuffer zero() {
        return new GateBuffer();
    }

    @Override
    public GateBuffer reduce(GateBuffer buffer, Row row) {
        buffer.add(row, spec, constraints);
        return buffer;
    }

    @Override
    public GateBuffer merge(GateBuffer a, GateBuffer b) {
        a.absorb(b, constraints);
        return a;
    }

    @Override
    public byte[] finish(GateBuffer buffer) {
        long[] longs = encode(buffer.totals(constraints));
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(longs.length * Long.BYTES);
        bytes.asLongBuffer().put(longs);
        return bytes.array();
    }

    @Override
    public Encoder<GateBuffer> bufferEncoder() {
        return Encoders.javaSerialization(GateBuffer.class);
    }

    @Override
    public Encoder<byte[]> outputEncoder() {
        return Encoders.BINARY();
    }

    static long[] encode(List<Tally> tallies) {
        int size = 0;
        for (Tally tally : tallies) {
            size += 3 + tally.failingRows().size();
        }
        long[] out = new long[size];
        int at = 0;
        for (Tally tally : tallies) {
            out[at++] = tally.judged();
            out[at++] = tally.failed();
            out[at++] = tally.failingRows().size();
            for (long row : tally.failingRows()) {
                out[at++] = row;
            }
        }
        return out;
    }

    /**
     * Reads the tallies {@link #finish} wrote.
     *
     * @param bytes   the bytes
     * @param count   how many constraints
     * @return the tallies
     */
    public static List<Tally> decode(byte[] bytes, int count) {
        long[] encoded = new long[bytes.length / Long.BYTES];
        java.nio.ByteBuffer.wrap(bytes).asLongBuffer().get(encoded);
        java.util.ArrayList<Tally> tallies = new java.util.ArrayList<>(count);
        int at = 0;
        for (int c = 0; c < count; c++) {
            long judged = encoded[at++];
            long failed = encoded[at++];
            int examples = (int) encoded[at++];
            java.util.ArrayList<Long> rows = new java.util.ArrayList<>(examples);
            for (int e = 0; e < examples; e++) {
                rows.add(encoded[at++]);
            }
            tallies.add(new Tally(judged, failed, rows));
        }
        return tallies;
    }
}
