package io.github.mlhighway.lifecycle.core.data.csv;

import io.github.mlhighway.lifecycle.core.data.csv.internal.Utf8Reader;
import java.io.CharConversionException;

/**
 * Text that is not valid UTF-8, with the line and byte offset of the first bad byte (a line is counted by the
 * {@code '\n'} characters decoded before it), thrown by {@link Utf8Reader}.
 *
 * @since 0.1
 */
public final class InvalidUtf8Exception extends CharConversionException {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final long byteOffset;

    /**
     * @param problem    what is wrong with the bytes
     * @param line       the 1-based line of the first bad byte
     * @param byteOffset its 0-based offset in the input
     */
    public InvalidUtf8Exception(String problem, long line, long byteOffset) {
        super("invalid UTF-8 on line " + line + " (byte offset " + byteOffset + "): " + problem);
        this.line = line;
        this.byteOffset = byteOffset;
    }

    /** @return the 1-based line of the first bad byte */
    public long line() {
        return line;
    }

    /** @return the 0-based byte offset of the first bad byte */
    public long byteOffset() {
        return byteOffset;
    }
}
