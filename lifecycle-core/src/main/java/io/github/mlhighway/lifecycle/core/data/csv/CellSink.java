package io.github.mlhighway.lifecycle.core.data.csv;

import io.github.mlhighway.lifecycle.core.data.BooleanColumn;
import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.LongColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.TimestampColumn;
import org.jspecify.annotations.Nullable;

/** Appends cell texts to a typed column builder, parsing each one strictly. */
interface CellSink {

    /**
     * Appends one cell.
     *
     * @param text the cell text, or null for a null cell
     * @throws IllegalArgumentException if the text does not fit the column type
     */
    void add(@Nullable String text);

    /** @return the built column */
    Column build();

    static CellSink of(String name, ColumnType type) {
        return switch (type) {
            case LONG -> {
                LongColumn.Builder builder = LongColumn.builder(name);
                yield sink(text -> builder.add(CellParsers.parseLong(text)), builder::addNull, builder::build);
            }
            case DOUBLE -> {
                DoubleColumn.Builder builder = DoubleColumn.builder(name);
                yield sink(text -> builder.add(CellParsers.parseDouble(text)), builder::addNull, builder::build);
            }
            case BOOLEAN -> {
                BooleanColumn.Builder builder = BooleanColumn.builder(name);
                yield sink(text -> builder.add(CellParsers.parseBoolean(text)), builder::addNull, builder::build);
            }
            case TIMESTAMP -> {
                TimestampColumn.Builder builder = TimestampColumn.builder(name);
                yield sink(text -> builder.add(CellParsers.parseTimestamp(text)), builder::addNull,
                        builder::build);
            }
            case STRING -> {
                StringColumn.Builder builder = StringColumn.builder(name);
                yield sink(builder::add, builder::addNull, builder::build);
            }
        };
    }

    private static CellSink sink(java.util.function.Consumer<String> value, Runnable addNull,
            java.util.function.Supplier<? extends Column> build) {
        return new CellSink() {
            @Override
            public void add(@Nullable String text) {
                if (text == null) {
                    addNull.run();
                } else {
                    value.accept(text);
                }
            }

            @Override
            public Column build() {
                return build.get();
            }
        };
    }
}
