package io.github.mlhighway.lifecycle.core.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mlhighway.lifecycle.core.data.BooleanColumn;
import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.LongColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.TimestampColumn;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.pipeline.Codec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Table} as versioned JSON columns:
 * <pre>{@code
 * {"format":"lifecycle.table","version":1,"name":"weather","rows":2,
 *  "columns":[{"name":"temp","type":"DOUBLE","values":[1.5,"NaN"]},
 *             {"name":"city","type":"STRING","values":["Seattle",null]}]}
 * }</pre>
 * Null rows are JSON {@code null}; doubles are written so they read back bit for bit, with {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"} as strings; longs are exact; timestamps are epoch milliseconds.
 * A document of another format or a newer version is refused with a message that says so.
 */
final class TableCodec implements Codec<Table> {

    /** The {@code format} field. */
    static final String FORMAT = "lifecycle.table";
    /** The version this codec writes and reads. */
    static final int VERSION = 1;

    private static final String NAN = "NaN";
    private static final String POSITIVE_INFINITY = "Infinity";
    private static final String NEGATIVE_INFINITY = "-Infinity";

    @Override
    public byte[] encode(Table table) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = Json.mapper().getFactory().createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("format", FORMAT);
            out.writeNumberField("version", VERSION);
            out.writeStringField("name", table.name());
            out.writeNumberField("rows", table.rowCount());
            out.writeArrayFieldStart("columns");
            for (Column column : table.columns()) {
                out.writeStartObject();
                out.writeStringField("name", column.name());
                out.writeStringField("type", column.type().name());
                out.writeArrayFieldStart("values");
                for (int row = 0; row < column.size(); row++) {
                    writeValue(out, column, row);
                }
                out.writeEndArray();
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static void writeValue(JsonGenerator out, Column column, int row) throws IOException {
        if (column.isNull(row)) {
            out.writeNull();
            return;
        }
        if (column instanceof DoubleColumn doubles) {
            double value = doubles.getDouble(row);
            if (Double.isNaN(value)) {
                out.writeString(NAN);
            } else if (Double.isInfinite(value)) {
                out.writeString(value > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY);
            } else {
                out.writeNumber(value);
            }
        } else if (column instanceof LongColumn longs) {
            out.writeNumber(longs.getLong(row));
        } else if (column instanceof TimestampColumn timestamps) {
            out.writeNumber(timestamps.getEpochMillis(row));
        } else if (column instanceof BooleanColumn booleans) {
            out.writeBoolean(booleans.getBoolean(row));
        } else if (column instanceof StringColumn strings) {
            out.writeString(strings.getString(row));
        } else {
            throw new IllegalArgumentException("Column '" + column.name() + "' has type " + column.type()
                    + ", which the table codec cannot write");
        }
    }

    @Override
    public Table decode(byte[] bytes) throws IOException {
        JsonNode root = Json.mapper().readTree(bytes);
        String format = root.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("Not a table document: format is '" + format + "', expected '"
                    + FORMAT + "'");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException("Table document '" + root.path("name").asText() + "' has version "
                    + version + "; this codec reads version " + VERSION + " only");
        }
        String name = root.path("name").asText();
        int rows = root.path("rows").asInt(-1);
        List<Column> columns = new ArrayList<>();
        for (JsonNode column : root.path("columns")) {
            String columnName = column.path("name").asText();
            ColumnType type;
            try {
                type = ColumnType.valueOf(column.path("type").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Column '" + columnName + "' of table '" + name
                        + "' has unknown type '" + column.path("type").asText() + "'", e);
            }
            JsonNode values = column.path("values");
            if (values.size() != rows) {
                throw new IllegalArgumentException("Column '" + columnName + "' of table '" + name + "' has "
                        + values.size() + " values, but the table says " + rows + " rows");
            }
            columns.add(readColumn(columnName, type, values, name));
        }
        return Table.of(name, columns);
    }

    private static Column readColumn(String name, ColumnType type, JsonNode values, String table) {
        switch (type) {
            case DOUBLE -> {
                DoubleColumn.Builder column = DoubleColumn.builder(name);
                values.forEach(value -> {
                    if (value.isNull()) {
                        column.addNull();
                    } else {
                        column.add(readDouble(value, name, table));
                    }
                });
                return column.build();
            }
            case LONG -> {
                LongColumn.Builder column = LongColumn.builder(name);
                values.forEach(value -> {
                    if (value.isNull()) {
                        column.addNull();
                    } else {
                        column.add(requireLong(value, name, table));
                    }
                });
                return column.build();
            }
            case TIMESTAMP -> {
                TimestampColumn.Builder column = TimestampColumn.builder(name);
                values.forEach(value -> {
                    if (value.isNull()) {
                        column.addNull();
                    } else {
                        column.add(requireLong(value, name, table));
                    }
                });
                return column.build();
            }
            case BOOLEAN -> {
                BooleanColumn.Builder column = BooleanColumn.builder(name);
                values.forEach(value -> {
                    if (value.isNull()) {
                        column.addNull();
                    } else if (value.isBoolean()) {
                        column.add(value.booleanValue());
                    } else {
                        throw badValue(value, name, table, "a boolean");
                    }
                });
                return column.build();
            }
            case STRING -> {
                StringColumn.Builder column = StringColumn.builder(name);
                values.forEach(value -> {
                    if (value.isNull()) {
                        column.addNull();
                    } else if (value.isTextual()) {
                        column.add(value.textValue());
                    } else {
                        throw badValue(value, name, table, "a string");
                    }
                });
                return column.build();
            }
            default -> throw new IllegalArgumentException("Column '" + name + "' of table '" + table
                    + "' has type " + type + ", which the table codec cannot read");
        }
    }

    private static double readDouble(JsonNode value, String column, String table) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return switch (value.asText()) {
            case NAN -> Double.NaN;
            case POSITIVE_INFINITY -> Double.POSITIVE_INFINITY;
            case NEGATIVE_INFINITY -> Double.NEGATIVE_INFINITY;
            default -> throw badValue(value, column, table, "a number, \"NaN\", \"Infinity\" or \"-Infinity\"");
        };
    }

    private static long requireLong(JsonNode value, String column, String table) {
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw badValue(value, column, table, "a whole number");
        }
        return value.longValue();
    }

    private static IllegalArgumentException badValue(JsonNode value, String column, String table, String expected) {
        return new IllegalArgumentException("Column '" + column + "' of table '" + table + "' holds " + value
                + " where " + expected + " was expected");
    }

    @Override
    public String mediaType() {
        return JSON;
    }

    @Override
    public String name() {
        return "table-v" + VERSION;
    }
}
