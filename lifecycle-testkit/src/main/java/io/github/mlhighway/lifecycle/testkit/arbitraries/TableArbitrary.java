package io.github.mlhighway.lifecycle.testkit.arbitraries;

import io.github.mlhighway.lifecycle.core.data.BooleanColumn;
import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.LongColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.TimestampColumn;
import io.github.mlhighway.lifecycle.core.data.schema.ColumnSchema;
import io.github.mlhighway.lifecycle.core.data.schema.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;
import org.jspecify.annotations.Nullable;

/**
 * Generates {@link Table}s that satisfy a {@link Schema}: each column has its schema's type, holds nulls only
 * when nullable, takes only allowed values when the schema lists them, and lies within min and max. Columns not
 * expected in the chosen environment are left out.
 *
 * <p>Immutable: each setter returns a new arbitrary. Shrinks toward fewer rows and simpler values.
 *
 * @since 0.1
 */
public final class TableArbitrary extends ArbitraryDecorator<Table> {

    /** The default fewest rows. */
    public static final int DEFAULT_MIN_ROWS = 0;
    /** The default most rows. */
    public static final int DEFAULT_MAX_ROWS = 50;
    /** The default share of null cells in nullable columns. */
    public static final double DEFAULT_NULL_PROBABILITY = 0.1;
    /** The default bound of unbounded DOUBLE and LONG values (either sign). */
    public static final double DEFAULT_BOUND = 1e6;
    /** The default earliest unbounded TIMESTAMP. */
    public static final Instant DEFAULT_EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** The default latest unbounded TIMESTAMP. */
    public static final Instant DEFAULT_LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private final Schema schema;
    private final @Nullable String environment;
    private final int minRows;
    private final int maxRows;
    private final double nullProbability;

    TableArbitrary(Schema schema) {
        this(Objects.requireNonNull(schema, "schema"), null, DEFAULT_MIN_ROWS, DEFAULT_MAX_ROWS,
                DEFAULT_NULL_PROBABILITY);
    }

    private TableArbitrary(Schema schema, @Nullable String environment, int minRows, int maxRows,
                           double nullProbability) {
        this.schema = schema;
        this.environment = environment;
        this.minRows = minRows;
        this.maxRows = maxRows;
        this.nullProbability = nullProbability;
    }

    /**
     * The number of rows.
     *
     * @param min fewest rows, not negative
     * @param max most rows, at least {@code min}
     * @return a new arbitrary
     */
    public TableArbitrary rows(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("rows: need 0 <= min <= max, were " + min + " and " + max);
        }
        return new TableArbitrary(schema, environment, min, max, nullProbability);
    }

    /**
     * Generates only the columns expected in an environment (see {@link ColumnSchema#expectedIn(String)}).
     *
     * @param name the environment, e.g. {@link Schema#SERVING}
     * @return a new arbitrary
     */
    public TableArbitrary environment(String name) {
        return new TableArbitrary(schema, Objects.requireNonNull(name, "environment"), minRows, maxRows,
                nullProbability);
    }

    /**
     * The share of null cells in nullable columns.
     *
     * @param probability in [0, 1]
     * @return a new arbitrary
     */
    public TableArbitrary nullProbability(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("nullProbability must be in [0, 1], was " + probability);
        }
        return new TableArbitrary(schema, environment, minRows, maxRows, probability);
    }

    @Override
    protected Arbitrary<Table> arbitrary() {
        List<ColumnSchema> columns = schema.columns().stream()
                .filter(c -> environment == null || c.expectedIn(environment)).toList(); // null: every column
        return Arbitraries.integers().between(minRows, maxRows).flatMap(rows -> {
            if (columns.isEmpty()) {
                return Arbitraries.just(Table.of("generated", List.of()));
            }
            List<Arbitrary<Column>> arbitraries = new ArrayList<>();
            for (ColumnSchema column : columns) {
                arbitraries.add(column(column, rows));
            }
            return Combinators.combine(arbitraries).as(list -> Table.of("generated", list));
        });
    }

    private Arbitrary<Column> column(ColumnSchema schema, int rows) {
        Arbitrary<Object> cell = cell(schema);
        if (schema.nullable() && nullProbability > 0) {
            cell = cell.injectNull(nullProbability);
        }
        return cell.list().ofSize(rows).map(values -> build(schema, values));
    }

    private static Arbitrary<Object> cell(ColumnSchema schema) {
        List<String> allowed = schema.allowedValues();
        if (!allowed.isEmpty()) {
            List<Object> parsed = new ArrayList<>();
            for (String text : allowed) {
                Object value = parse(schema, text);
                if (value != null) {
                    parsed.add(value);
                }
            }
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("Column '" + schema.name() + "': none of the allowed values "
                        + allowed + " is a " + schema.type() + " within [" + schema.min() + ", " + schema.max()
                        + "]");
            }
            return Arbitraries.of(parsed);
        }
        double min = schema.min() == null ? Double.NaN : schema.min();
        double max = schema.max() == null ? Double.NaN : schema.max();
        return switch (schema.type()) {
            case DOUBLE -> Arbitraries.doubles()
                    .between(Double.isNaN(min) ? -DEFAULT_BOUND : min, Double.isNaN(max) ? DEFAULT_BOUND : max)
                    .map(Object.class::cast);
            case LONG -> longs(schema, Double.isNaN(min) ? -DEFAULT_BOUND : min,
                    Double.isNaN(max) ? DEFAULT_BOUND : max).map(Object.class::cast);
            case TIMESTAMP -> longs(schema, Double.isNaN(min) ? DEFAULT_EARLIEST.toEpochMilli() : min,
                    Double.isNaN(max) ? DEFAULT_LATEST.toEpochMilli() : max).map(Object.class::cast);
            case BOOLEAN -> Arbitraries.of(false, true).map(Object.class::cast);
            case STRING -> Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(Object.class::cast);
        };
    }

    private static Arbitrary<Long> longs(ColumnSchema schema, double min, double max) {
        long low = (long) Math.ceil(min);
        long high = (long) Math.floor(max);
        if (low > high) {
            throw new IllegalArgumentException("Column '" + schema.name() + "': no whole number lies within ["
                    + min + ", " + max + "]");
        }
        return Arbitraries.longs().between(low, high);
    }

    private static @Nullable Object parse(ColumnSchema schema, String text) {
        try {
            double number;
            Object value;
            switch (schema.type()) {
                case DOUBLE -> {
                    number = Double.parseDouble(text);
                    value = number;
                }
                case LONG -> {
                    long parsed = Long.parseLong(text);
                    number = parsed;
                    value = parsed;
                }
                case TIMESTAMP -> {
                    long parsed = Instant.parse(text).toEpochMilli();
                    number = parsed;
                    value = parsed;
                }
                case BOOLEAN -> {
                    return "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
                }
                default -> {
                    return text;
                }
            }
            boolean inRange = (schema.min() == null || number >= schema.min())
                    && (schema.max() == null || number <= schema.max());
            return inRange ? value : null;
        } catch (RuntimeException e) {
            return null; // an allowed value that is not of the column's type can never be generated
        }
    }

    private static Column build(ColumnSchema schema, List<Object> values) {
        String name = schema.name();
        switch (schema.type()) {
            case DOUBLE -> {
                DoubleColumn.Builder b = DoubleColumn.builder(name);
                values.forEach(v -> {
                    if (v == null) {
                        b.addNull();
                    } else {
                        b.add((Double) v);
                    }
                });
                return b.build();
            }
            case LONG -> {
                LongColumn.Builder b = LongColumn.builder(name);
                values.forEach(v -> {
                    if (v == null) {
                        b.addNull();
                    } else {
                        b.add((Long) v);
                    }
                });
                return b.build();
            }
            case TIMESTAMP -> {
                TimestampColumn.Builder b = TimestampColumn.builder(name);
                values.forEach(v -> {
                    if (v == null) {
                        b.addNull();
                    } else {
                        b.add((Long) v);
                    }
                });
                return b.build();
            }
            case BOOLEAN -> {
                BooleanColumn.Builder b = BooleanColumn.builder(name);
                values.forEach(v -> {
                    if (v == null) {
                        b.addNull();
                    } else {
                        b.add((Boolean) v);
                    }
                });
                return b.build();
            }
            default -> {
                StringColumn.Builder b = StringColumn.builder(name);
                values.forEach(v -> {
                    if (v == null) {
                        b.addNull();
                    } else {
                        b.add((String) v);
                    }
                });
                return b.build();
            }
        }
    }
}
