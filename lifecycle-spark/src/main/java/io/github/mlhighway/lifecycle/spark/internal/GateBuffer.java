package io.github.mlhighway.lifecycle.spark.internal;

import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.quality.RowConstraint;
import io.github.mlhighway.lifecycle.core.data.quality.RowConstraint.Tally;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * The aggregation buffer of {@link GateAggregator}: for each input partition seen, its row count and one
 * {@link Tally} per row constraint, with failing rows numbered within the partition. Rows are judged by the
 * library's own rules, a chunk of {@value #CHUNK} rows at a time. Merging keeps partitions apart, so that at the
 * end the failing rows get their index in the whole Dataset (partitions in order, as {@code collect()} returns
 * them). Serialized only at partition boundaries.
 *
 * @since 0.1
 */
public final class GateBuffer implements Externalizable {

    private static final long serialVersionUID = 1L;
    /** Rows judged together. */
    static final int CHUNK = 4096;

    private final TreeMap<Integer, Part> parts = new TreeMap<>();
    private transient @Nullable RowTables chunk;
    private transient int partition = -1;
    private transient RowConstraint @Nullable [] judging;

    /** An empty buffer (also the form Java serialization instantiates). */
    public GateBuffer() {
    }

    /** One partition's row count and tallies. */
    static final class Part {
        long rows;
        Tally[] tallies;

        Part(int constraints) {
            tallies = new Tally[constraints];
            java.util.Arrays.fill(tallies, Tally.empty());
        }
    }

    /**
     * Adds one row of the current task's partition.
     *
     * @param row         the row, fields in the spec's order
     * @param spec        the judged columns
     * @param constraints the row constraints
     */
    public void add(Row row, ProfileSpec spec, RowConstraint[] constraints) {
        RowTables current = chunk;
        if (current == null) {
            TaskContext task = TaskContext.get();
            partition = task == null ? 0 : task.partitionId();
            current = new RowTables("chunk", spec);
            chunk = current;
            judging = constraints;
        }
        current.add(row);
        if (current.size() == CHUNK) {
            flush(constraints);
        }
    }

    /**
     * Judges the buffered rows.
     *
     * @param constraints the row constraints
     */
    public void flush(RowConstraint[] constraints) {
        RowTables current = chunk;
        if (current == null || current.size() == 0) {
            return;
        }
        Table table = current.build();
        Part part = parts.computeIfAbsent(partition, p -> new Part(constraints.length));
        for (int c = 0; c < constraints.length; c++) {
            part.tallies[c] = part.tallies[c].plus(constraints[c].tally(table), part.rows);
        }
        part.rows += table.rowCount();
    }

    /**
     * Merges another buffer into this one.
     *
     * @param other       the other buffer
     * @param constraints the row constraints
     */
    public void absorb(GateBuffer other, RowConstraint[] constraints) {
        flush(constraints);
        other.flush(constraints);
        for (Map.Entry<Integer, Part> entry : other.parts.entrySet()) {
            Part mine = parts.get(entry.getKey());
            if (mine == null) {
                parts.put(entry.getKey(), entry.getValue());
            } else {
                Part theirs = entry.getValue();
                // the same partition in two buffers happens only if Spark split one task's rows; keep row order
                for (int c = 0; c < constraints.length; c++) {
                    mine.tallies[c] = mine.tallies[c].plus(theirs.tallies[c], mine.rows);
                }
                mine.rows += theirs.rows;
            }
        }
    }

    /**
     * The tallies over the whole Dataset, failing rows numbered across partitions in partition order.
     *
     * @param constraints the row constraints
     * @return one tally per constraint
     */
    public List<Tally> totals(RowConstraint[] constraints) {
        flush(constraints);
        Tally[] totals = new Tally[constraints.length];
        java.util.Arrays.fill(totals, Tally.empty());
        long offset = 0;
        for (Part part : parts.values()) {
            for (int c = 0; c < constraints.length; c++) {
                totals[c] = totals[c].plus(part.tallies[c], offset);
            }
            offset += part.rows;
        }
        return new ArrayList<>(List.of(totals));
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        RowTables current = chunk;
        RowConstraint[] constraints = judging;
        // judging is set together with chunk, in add
        if (current != null && current.size() > 0 && constraints != null) {
            flush(constraints);
        }
        out.writeInt(parts.size());
        for (Map.Entry<Integer, Part> entry : parts.entrySet()) {
            out.writeInt(entry.getKey());
            out.writeLong(entry.getValue().rows);
            Tally[] tallies = entry.getValue().tallies;
            out.writeInt(tallies.length);
            for (Tally tally : tallies) {
                out.writeLong(tally.judged());
                out.writeLong(tally.failed());
                out.writeInt(tally.failingRows().size());
                for (long row : tally.failingRows()) {
                    out.writeLong(row);
                }
            }
        }
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        parts.clear();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            int id = in.readInt();
            long rows = in.readLong();
            int constraints = in.readInt();
            Part part = new Part(constraints);
            part.rows = rows;
            for (int c = 0; c < constraints; c++) {
                long judged = in.readLong();
                long failed = in.readLong();
                int examples = in.readInt();
                List<Long> failing = new ArrayList<>(examples);
                for (int e = 0; e < examples; e++) {
                    failing.add(in.readLong());
                }
                part.tallies[c] = new Tally(judged, failed, failing);
            }
            parts.put(id, part);
        }
    }
}
