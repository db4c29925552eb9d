package io.github.mlhighway.lifecycle.spark;

import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions;
import io.github.mlhighway.lifecycle.spark.internal.ProfileAggregator;
import io.github.mlhighway.lifecycle.spark.internal.ProfileSpec;
import io.github.mlhighway.lifecycle.spark.internal.SparkColumns;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Profiles a Spark {@code Dataset<Row>} in one scan: every supported column at once, with the library's
 * {@link DatasetProfile} as the result, equal to {@code Profiles.of} of the same rows in one process (exact
 * counts, moments and capped counts; sketches within their stated error). A typed {@code Aggregator} registered
 * with {@code functions.udaf} does the work, so each task keeps live profilers for its partition and the buffer
 * is serialized (as the versioned profile JSON) only at partition boundaries. Immutable and thread-safe.
 *
 * <pre>{@code
 * SparkProfiler profiler = SparkProfiler.builder().build();
 * DatasetProfile profile = profiler.profile(flights);            // one Spark job
 * Files.writeString(Path.of("flights.profile.json"), profile.toJson());   // lifecycle data drift reads it
 *
 * List<SegmentProfile> daily = SparkProfiler.builder()
 *     .segmentBy("origin").window("departure", Duration.ofDays(1)).build()
 *     .profileSegments(flights);                                 // one profile per origin and day
 * }</pre>
 *
 * <p>Column types: double, float and decimal become DOUBLE; long, int, short and byte LONG; boolean BOOLEAN;
 * string STRING; timestamp, timestamp_ntz (as UTC) and date (UTC midnight) TIMESTAMP. Arrays, maps, structs,
 * binary and intervals are rejected with a {@link SparkProfileException} naming them, or left out with
 * {@link Builder#skipUnsupportedColumns()}.
 *
 * @since 0.1
 */
public final class SparkProfiler {

    /** The name of the aggregate function in Spark plans. */
    public static final String FUNCTION_NAME = "lifecycle_profile";

    private final ProfileOptions options;
    private final boolean skipUnsupported;
    private final List<String> segmentColumns;
    private final @Nullable String timeColumn;
    private final @Nullable Duration window;

    private SparkProfiler(Builder builder) {
        this.options = builder.options;
        this.skipUnsupported = builder.skipUnsupported;
        this.segmentColumns = List.copyOf(builder.segmentColumns);
        this.timeColumn = builder.timeColumn;
        this.window = builder.window;
    }

    /** @return a builder with the default profile options and no segments */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Profiles a Dataset with the default options.
     *
     * @param data the rows
     * @return the profile of all its rows
     * @throws SparkProfileException for unsupported column types or a failed Spark job
     */
    public static DatasetProfile profileOf(Dataset<Row> data) {
        return builder().build().profile(data);
    }

    /** @return the profile options */
    public ProfileOptions options() {
        return options;
    }

    /**
     * Profiles all rows of a Dataset in one Spark job (segments, if configured, are ignored here).
     *
     * @param data the rows
     * @return the profile; an empty Dataset gives a profile of 0 rows with every column
     * @throws SparkProfileException for unsupported column types or a failed Spark job
     */
    public DatasetProfile profile(Dataset<Row> data) {
        Objects.requireNonNull(data, "data");
        ProfileSpec spec = spec(data.schema(), Set.of());
        Row row = run("profile", data, () -> data.select(aggregate(data.schema(), spec)).first());
        return DatasetProfile.fromJson(row.getString(0));
    }

    /**
     * Profiles each segment of a Dataset in one Spark job: the rows grouped by the segment columns and, when
     * configured, by a tumbling time window. The segment columns are not profiled; the time column is.
     *
     * @param data the rows
     * @return one profile per non-empty segment, ordered by key, then window start
     * @throws SparkProfileException when no segment is configured, a segment column is missing, for unsupported
     *                               column types, or a failed Spark job
     */
    public List<SegmentProfile> profileSegments(Dataset<Row> data) {
        Objects.requireNonNull(data, "data");
        if (segmentColumns.isEmpty() && timeColumn == null) {
            throw new SparkProfileException("profileSegments needs segment columns or a time window; use"
                    + " SparkProfiler.builder().segmentBy(..) or .window(..), or profile(..) for one profile");
        }
        StructType schema = data.schema();
        Set<String> names = new LinkedHashSet<>(List.of(schema.fieldNames()));
        for (String column : segmentColumns) {
            if (!names.contains(column)) {
                throw new SparkProfileException("Segment column '" + column + "' is not in the Dataset; columns: "
                        + names);
            }
        }
        if (timeColumn != null && !names.contains(timeColumn)) {
            throw new SparkProfileException("Time column '" + timeColumn + "' is not in the Dataset; columns: "
                    + names);
        }
        ProfileSpec spec = spec(schema, Set.copyOf(segmentColumns));
        List<Column> keys = new ArrayList<>();
        for (String column : segmentColumns) {
            keys.add(SparkColumns.column(column));
        }
        String time = timeColumn;
        if (time != null) {
            Duration length = Objects.requireNonNull(window, "the builder sets the window with the time column");
            keys.add(functions.window(SparkColumns.column(time), length.toMillis() + " milliseconds")
                    .as("__lifecycle_window"));
        }
        List<Row> rows = run("segment profiles", data, () -> data.groupBy(keys.toArray(Column[]::new))
                .agg(aggregate(schema, spec)).collectAsList());
        List<SegmentProfile> segments = new ArrayList<>();
        for (Row row : rows) {
            Map<String, String> key = new LinkedHashMap<>();
            for (int i = 0; i < segmentColumns.size(); i++) {
                key.put(segmentColumns.get(i), String.valueOf(row.get(i)));
            }
            Instant start = null;
            Instant end = null;
            if (timeColumn != null) {
                Row bounds = row.getStruct(segmentColumns.size());
                start = instant(bounds.get(0));
                end = instant(bounds.get(1));
            }
            segments.add(new SegmentProfile(key, start, end, DatasetProfile.fromJson(row.getString(row.size() - 1))));
        }
        segments.sort(Comparator.comparing((SegmentProfile s) -> String.join("\u0000", s.key().values()))
                .thenComparing(s -> s.windowStart() == null ? Instant.MIN : s.windowStart()));
        return segments;
    }

    /**
     * The spec of the columns this profiler profiles in a schema.
     *
     * @param schema   the Dataset's schema
     * @param excluded columns left out (segment keys)
     * @return the spec
     */
    ProfileSpec spec(StructType schema, Set<String> excluded) {
        return SparkColumns.plan(schema, excluded, skipUnsupported, options, new ArrayList<>());
    }

    /**
     * The aggregate column that profiles a spec's columns; several can share one {@code select}.
     *
     * @param schema the Dataset's schema
     * @param spec   the columns
     * @return the aggregate expression, whose value is the profile's JSON
     */
    static Column aggregate(StructType schema, ProfileSpec spec) {
        return functions.udaf(new ProfileAggregator(spec), Encoders.row(SparkColumns.inputType(schema, spec)))
                .withName(FUNCTION_NAME).apply(SparkColumns.columns(spec));
    }

    /**
     * Runs a Spark action, turning any failure into a {@link SparkProfileException} that says what was run.
     *
     * @param what   what is computed, for the message
     * @param data   the Dataset
     * @param action the action
     * @param <T>    its result
     * @return the result
     */
    static <T> T run(String what, Dataset<Row> data, Supplier<T> action) {
        try {
            return action.get();
        } catch (SparkProfileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SparkProfileException("Computing the " + what + " of a Dataset with columns "
                    + List.of(data.schema().fieldNames()) + " failed in Spark: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getClass().getSimpleName() + ", caused by " + root;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }

    /** Builds a {@link SparkProfiler}; each method checks its arguments at once. Not thread-safe. */
    public static final class Builder {
        private ProfileOptions options = ProfileOptions.defaults();
        private boolean skipUnsupported;
        private final List<String> segmentColumns = new ArrayList<>();
        private @Nullable String timeColumn;
        private @Nullable Duration window;

        private Builder() {
        }

        /**
         * The sketch settings and caps; {@link ProfileOptions#defaults()} by default.
         *
         * @param value the options
         * @return this builder
         */
        public Builder options(ProfileOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /**
         * Leaves columns of unsupported types (arrays, maps, structs, binary, ...) out of profiles instead of
         * failing.
         *
         * @return this builder
         */
        public Builder skipUnsupportedColumns() {
            this.skipUnsupported = true;
            return this;
        }

        /**
         * Segments profiles by the values of columns (one profile per distinct combination).
         *
         * @param columns column names, at least one
         * @return this builder
         */
        public Builder segmentBy(String... columns) {
            if (columns.length == 0) {
                throw new IllegalArgumentException("segmentBy needs at least one column");
            }
            for (String column : columns) {
                Objects.requireNonNull(column, "segment column");
                if (column.isBlank() || segmentColumns.contains(column)) {
                    throw new IllegalArgumentException("segmentBy: blank or repeated column '" + column + "'");
                }
                segmentColumns.add(column);
            }
            return this;
        }

        /**
         * Segments profiles by tumbling windows of a timestamp or date column (Spark's {@code window}, aligned
         * to the epoch).
         *
         * @param column the time column
         * @param length the window length, at least one millisecond
         * @return this builder
         */
        public Builder window(String column, Duration length) {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(length, "length");
            if (length.toMillis() < 1) {
                throw new IllegalArgumentException("window length must be at least 1 ms, was " + length);
            }
            this.timeColumn = column;
            this.window = length;
            return this;
        }

        /** @return the profiler */
        public SparkProfiler build() {
            return new SparkProfiler(this);
        }
    }
}
