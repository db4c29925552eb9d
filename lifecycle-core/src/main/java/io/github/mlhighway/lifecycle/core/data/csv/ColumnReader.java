package io.github.mlhighway.lifecycle.core.data.csv;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Collects one column's cells: parsed at once into a typed builder when the type is known, otherwise kept as
 * text until {@link #build()} infers the type.
 */
final class ColumnReader {

    private final String name;
    private final @Nullable CellSink sink;
    private final @Nullable List<@Nullable String> texts;
    private final @Nullable TypeInference inference;

    ColumnReader(String name, @Nullable ColumnType type) {
        this.name = name;
        this.sink = type == null ? null : CellSink.of(name, type);
        this.texts = type == null ? new ArrayList<>() : null;
        this.inference = type == null ? new TypeInference() : null;
    }

    void add(@Nullable String text, String source, long line) {
        if (sink == null) {
            Objects.requireNonNull(texts).add(text);
            if (text != null) {
                Objects.requireNonNull(inference).accept(text);
            }
            return;
        }
        try {
            sink.add(text);
        } catch (IllegalArgumentException e) {
            throw new CsvFormatException(source, line, name, e.getMessage(), e);
        }
    }

    Column build() {
        if (sink != null) {
            return sink.build();
        }
        CellSink typed = CellSink.of(name, Objects.requireNonNull(inference).result());
        for (@Nullable String text : Objects.requireNonNull(texts)) {
            typed.add(text);
        }
        return typed.build();
    }
}
