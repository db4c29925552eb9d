package io.github.mlhighway.lifecycle.core.data.csv;

import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.schema.ColumnSchema;
import io.github.mlhighway.lifecycle.core.data.schema.Schema;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to read a CSV source: the separator, which cells mean null, whether to trim values, and the types of
 * columns that should not be inferred. Immutable; build with {@link #builder()}.
 *
 * @since 0.1
 */
public final class CsvOptions {

    /** The default separator. */
    public static final char DEFAULT_SEPARATOR = ',';
    /** The default null tokens: an empty cell, {@code NA} and {@code null}. */
    public static final Set<String> DEFAULT_NULL_TOKENS = Set.of("", "NA", "null");

    private static final CsvOptions DEFAULTS = builder().build();

    private final char separator;
    private final Set<String> nullTokens;
    private final boolean trimValues;
    private final Map<String, ColumnType> types;

    private CsvOptions(Builder builder) {
        this.separator = builder.separator;
        this.nullTokens = Set.copyOf(builder.nullTokens);
        this.trimValues = builder.trimValues;
        this.types = Map.copyOf(builder.types);
    }

    /**
     * Comma-separated, null tokens {@link #DEFAULT_NULL_TOKENS}, values untrimmed, every type inferred.
     *
     * @return the default options
     */
    public static CsvOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the field separator */
    public char separator() {
        return separator;
    }

    /** @return the cell texts read as null (compared after trimming when values are trimmed) */
    public Set<String> nullTokens() {
        return nullTokens;
    }

    /** @return whether leading and trailing spaces are removed from values */
    public boolean trimValues() {
        return trimValues;
    }

    /**
     * The declared type of a column, if it is not to be inferred.
     *
     * @param column the column name
     * @return the type, or empty to infer it
     */
    public Optional<ColumnType> declaredType(String column) {
        return Optional.ofNullable(types.get(column));
    }

    /** Builds {@link CsvOptions}; each setter checks its argument at once. Not thread-safe. */
    public static final class Builder {
        private char separator = DEFAULT_SEPARATOR;
        private Set<String> nullTokens = new LinkedHashSet<>(DEFAULT_NULL_TOKENS);
        private boolean trimValues;
        private final Map<String, ColumnType> types = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The field separator.
         *
         * @param value e.g. {@code ';'} or {@code '\t'}; not a quote, CR or LF
         * @return this builder
         * @throws IllegalArgumentException for a quote, CR or LF
         */
        public Builder separator(char value) {
            if (value == '"' || value == '\n' || value == '\r') {
                throw new IllegalArgumentException("CSV separator cannot be " + (int) value + " ('" + value + "')");
            }
            this.separator = value;
            return this;
        }

        /**
         * The cell texts read as null, replacing the defaults.
         *
         * @param tokens e.g. {@code "", "NA", "null"}; none means no cell is null
         * @return this builder
         */
        public Builder nullTokens(String... tokens) {
            Set<String> set = new LinkedHashSet<>();
            for (String token : tokens) {
                set.add(Objects.requireNonNull(token, "null token"));
            }
            this.nullTokens = set;
            return this;
        }

        /**
         * Whether to remove leading and trailing spaces from values (header names are always trimmed).
         *
         * @param trim true to trim
         * @return this builder
         */
        public Builder trimValues(boolean trim) {
            this.trimValues = trim;
            return this;
        }

        /**
         * Takes column types from a schema instead of inferring them; columns the schema does not know are
         * still inferred. Later {@link #columnType(String, ColumnType)} calls override it.
         *
         * @param schema the schema
         * @return this builder
         */
        public Builder schema(Schema schema) {
            List<ColumnSchema> columns = Objects.requireNonNull(schema, "schema").columns();
            for (ColumnSchema column : columns) {
                types.put(column.name(), column.type());
            }
            return this;
        }

        /**
         * Declares the type of one column instead of inferring it.
         *
         * @param column the column name
         * @param type   its type
         * @return this builder
         */
        public Builder columnType(String column, ColumnType type) {
            types.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(type, "type"));
            return this;
        }

        /** @return the options */
        public CsvOptions build() {
            return new CsvOptions(this);
        }
    }
}
