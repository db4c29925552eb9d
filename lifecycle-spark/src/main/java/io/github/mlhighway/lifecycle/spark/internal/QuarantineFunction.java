package io.github.mlhighway.lifecycle.spark.internal;

import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.quality.RowConstraint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Emits the rows that fail at least one row constraint, each with the checks it failed appended as an array of
 * strings. Judges {@value GateBuffer#CHUNK} rows at a time with the library's own rules, lazily.
 *
 * @since 0.1
 */
public final class QuarantineFunction implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final int[] fields;
    private final ProfileSpec spec;
    private final RowConstraint[] constraints;

    /**
     * A function.
     *
     * @param fields      the input row's field index of each judged column, in spec order
     * @param spec        the judged columns
     * @param constraints the row constraints
     */
    public QuarantineFunction(int[] fields, ProfileSpec spec, List<RowConstraint> constraints) {
        this.fields = fields.clone();
        this.spec = spec;
        this.constraints = constraints.toArray(RowConstraint[]::new);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        return new Iterator<>() {
            private final ArrayDeque<Row> ready = new ArrayDeque<>();
            private final RowTables chunk = new RowTables("chunk", spec);

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && input.hasNext()) {
                    judgeNextChunk();
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }

            private void judgeNextChunk() {
                List<Row> rows = new ArrayList<>(GateBuffer.CHUNK);
                while (rows.size() < GateBuffer.CHUNK && input.hasNext()) {
                    Row row = input.next();
                    rows.add(row);
                    Object[] judged = new Object[fields.length];
                    for (int i = 0; i < fields.length; i++) {
                        judged[i] = row.get(fields[i]);
                    }
                    chunk.add(RowFactory.create(judged));
                }
                Table table = chunk.build();
                BitSet[] failures = new BitSet[constraints.length];
                for (int c = 0; c < constraints.length; c++) {
                    failures[c] = constraints[c].failures(table);
                }
                for (int r = 0; r < rows.size(); r++) {
                    List<String> failed = new ArrayList<>();
                    for (int c = 0; c < constraints.length; c++) {
                        if (failures[c].get(r)) {
                            failed.add(constraints[c].check());
                        }
                    }
                    if (!failed.isEmpty()) {
                        Row row = rows.get(r);
                        Object[] values = new Object[row.size() + 1];
                        for (int i = 0; i < row.size(); i++) {
                            values[i] = row.get(i);
                        }
                        values[row.size()] = failed.toArray(String[]::new);
                        ready.add(RowFactory.create(values));
                    }
                }
            }
        };
    }
}
