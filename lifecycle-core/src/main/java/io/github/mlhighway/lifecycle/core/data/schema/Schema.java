package io.github.mlhighway.lifecycle.core.data.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What a table is expected to look like: an ordered list of {@link ColumnSchema column schemas} with unique
 * names. Immutable; every {@code with...} method returns a new schema.
 *
 * <pre>{@code
 * Schema schema = Schema.infer(trainingTable)
 *     .update("wind", c -> c.withRange(0, 40).withNullable(false))
 *     .update("rain_tomorrow", c -> c.inEnvironments(Schema.TRAINING));
 * ValidationReport report = schema.validate(servingTable, Schema.SERVING);
 * }</pre>
 *
 * @since 0.1
 */
public final class Schema {

    /** The version of the JSON document {@link #toJson()} writes and {@link #fromJson(String)} reads. */
    public static final int FORMAT_VERSION = 1;
    /** The conventional name of the training environment. */
    public static final String TRAINING = "TRAINING";
    /** The conventional name of the serving environment. */
    public static final String SERVING = "SERVING";
    /** {@link #infer(Table)} lists the values of string columns with at most this many distinct values. */
    public static final int DEFAULT_MAX_CATEGORIES = 20;

    private final Map<String, ColumnSchema> columns;

    private Schema(List<ColumnSchema> columnList) {
        Map<String, ColumnSchema> byName = new LinkedHashMap<>();
        for (ColumnSchema column : columnList) {
            Objects.requireNonNull(column, "column");
            if (byName.putIfAbsent(column.name(), column) != null) {
                throw new IllegalArgumentException("Schema has two columns named '" + column.name() + "'");
            }
        }
        this.columns = byName;
    }

    /**
     * A schema of the given columns, in that order.
     *
     * @param columns column schemas with unique names
     * @return the schema
     * @throws IllegalArgumentException if a name repeats
     */
    public static Schema of(ColumnSchema... columns) {
        return new Schema(List.of(columns));
    }

    /**
     * A schema of the given columns, in that order.
     *
     * @param columns column schemas with unique names
     * @return the schema
     * @throws IllegalArgumentException if a name repeats
     */
    public static Schema of(List<ColumnSchema> columns) {
        return new Schema(List.copyOf(columns));
    }

    /**
     * The schema a table implies: each column's type; non-nullable when it holds no null (and at least one
     * row); for string columns with at most {@link #DEFAULT_MAX_CATEGORIES} distinct values, those values as
     * the allowed ones. No bounds: a range seen in one sample is rarely a rule; add them with
     * {@link #update(String, UnaryOperator)}.
     *
     * @param table the table
     * @return the inferred schema
     */
    public static Schema infer(Table table) {
        return infer(table, DEFAULT_MAX_CATEGORIES);
    }

    /**
     * Like {@link #infer(Table)} with another limit for listing the values of string columns.
     *
     * @param table         the table
     * @param maxCategories list the values of string columns with at most this many; 0 never lists them
     * @return the inferred schema
     * @throws IllegalArgumentException if maxCategories is negative
     */
    public static Schema infer(Table table, int maxCategories) {
        Objects.requireNonNull(table, "table");
        if (maxCategories < 0) {
            throw new IllegalArgumentException("maxCategories must be >= 0, was " + maxCategories);
        }
        return SchemaInference.infer(table, maxCategories);
    }

    /**
     * Reads a schema written by {@link #toJson()}.
     *
     * @param json the JSON document
     * @return the schema
     * @throws SchemaFormatException if the text is not a schema document of a known format version
     */
    public static Schema fromJson(String json) {
        SchemaDocument document;
        try {
            document = Json.mapper().readValue(json, SchemaDocument.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SchemaFormatException("Not a schema document: " + e.getMessage(), e);
        }
        if (document == null || document.formatVersion() == null) {
            throw new SchemaFormatException("Schema document has no formatVersion", null);
        }
        if (document.formatVersion() != FORMAT_VERSION) {
            throw new SchemaFormatException("Schema formatVersion " + document.formatVersion()
                    + " is not supported; this version reads " + FORMAT_VERSION, null);
        }
        if (document.columns() == null) {
            throw new SchemaFormatException("Schema document has no columns", null);
        }
        try {
            return of(document.columns());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SchemaFormatException("Invalid schema document: " + e.getMessage(), e);
        }
    }

    /**
     * The schema as an indented JSON document with a {@code formatVersion}.
     *
     * @return the JSON text
     */
    public String toJson() {
        return Json.writePretty(new SchemaDocument(FORMAT_VERSION, columns()));
    }

    /** @return the column schemas, in order */
    public List<ColumnSchema> columns() {
        return List.copyOf(columns.values());
    }

    /**
     * A column schema by name.
     *
     * @param name the column name
     * @return the column schema, or empty
     */
    public Optional<ColumnSchema> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    /**
     * This schema with a column added at the end, or replaced in place when one of that name exists.
     *
     * @param column the column schema
     * @return a new schema
     */
    public Schema with(ColumnSchema column) {
        Objects.requireNonNull(column, "column");
        Map<String, ColumnSchema> copy = new LinkedHashMap<>(columns);
        copy.put(column.name(), column);
        return new Schema(new ArrayList<>(copy.values()));
    }

    /**
     * This schema without a column (unchanged when there is none of that name).
     *
     * @param name the column name
     * @return a new schema
     */
    public Schema without(String name) {
        Map<String, ColumnSchema> copy = new LinkedHashMap<>(columns);
        copy.remove(name);
        return new Schema(new ArrayList<>(copy.values()));
    }

    /**
     * This schema with one column changed.
     *
     * @param name   an existing column name
     * @param change turns the column schema into its new version (its name must stay)
     * @return a new schema
     * @throws IllegalArgumentException if there is no column of that name, or the change renames it
     */
    public Schema update(String name, UnaryOperator<ColumnSchema> change) {
        ColumnSchema current = columns.get(name);
        if (current == null) {
            throw new IllegalArgumentException("Schema has no column '" + name + "'; columns: " + columns.keySet());
        }
        ColumnSchema changed = Objects.requireNonNull(change.apply(current), "changed column");
        if (!changed.name().equals(name)) {
            throw new IllegalArgumentException("update of '" + name + "' renamed it to '" + changed.name()
                    + "'; use without(..) and with(..)");
        }
        return with(changed);
    }

    /**
     * Validates a table without an environment: every column of the schema is expected.
     *
     * @param table the table
     * @return the report
     */
    public ValidationReport validate(Table table) {
        return validate(table, null);
    }

    /**
     * Validates a table in an environment: columns expected there must be present and fit; columns not
     * expected there must be absent; columns the schema does not know are reported as unexpected.
     *
     * @param table       the table
     * @param environment the environment, e.g. {@link #SERVING}, or null for none
     * @return the report, listing every violation
     */
    public ValidationReport validate(Table table, @Nullable String environment) {
        return SchemaValidator.validate(this, Objects.requireNonNull(table, "table"), environment);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Schema schema && columns().equals(schema.columns());
    }

    @Override
    public int hashCode() {
        return columns().hashCode();
    }

    @Override
    public String toString() {
        return "Schema" + columns.values();
    }
}
