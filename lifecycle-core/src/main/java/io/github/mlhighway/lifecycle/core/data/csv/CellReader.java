package io.github.mlhighway.lifecycle.core.data.csv;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Applies trimming and null tokens to raw cell text. */
final class CellReader {

    private final Set<String> nullTokens;
    private final boolean trim;

    CellReader(CsvOptions options) {
        this.nullTokens = options.nullTokens();
        this.trim = options.trimValues();
    }

    /**
     * The cell's value text.
     *
     * @param raw the text as parsed
     * @return the (trimmed) text, or null when it is a null token
     */
    @Nullable String text(String raw) {
        String text = trim ? raw.trim() : raw;
        return nullTokens.contains(text) ? null : text;
    }
}
