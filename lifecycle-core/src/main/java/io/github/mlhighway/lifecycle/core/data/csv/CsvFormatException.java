package io.github.mlhighway.lifecycle.core.data.csv;

import org.jspecify.annotations.Nullable;

/**
 * CSV input that cannot become a table: an empty file, a bad header, a malformed line or a value that does not
 * fit its column's type. The message names the source, the line and, where one is at fault, the column.
 *
 * @since 0.1
 */
public final class CsvFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final @Nullable String column;

    /**
     * An exception about a place in a CSV source.
     *
     * @param source  the source name (usually the file name)
     * @param line    the 1-based line number, or 0 when the problem concerns the whole source
     * @param column  the column name at fault, or null
     * @param problem what is wrong, as a sentence
     * @@Nullable param cause   the underlying parser error, or null
     */
    public CsvFormatException(String source, long line, @Nullable String column, @Nullable String problem,
            @Nullable Throwable cause) {
        super(source + (line > 0 ? ", line " + line : "") + (column == null ? "" : ", column '" + column + "'")
                + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** @return the source name */
    public String source() {
        return source;
    }

    /** @return the 1-based line number, or 0 when the problem concerns the whole source */
    public long line() {
        return line;
    }

    /** @return the column name at fault, or null */
    public @Nullable String column() {
        return column;
    }
}
