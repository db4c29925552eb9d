package io.github.mlhighway.lifecycle.core.data.csv.internal;

import io.github.mlhighway.lifecycle.core.data.csv.InvalidUtf8Exception;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A strict UTF-8 reader that says where the text is broken: a malformed or truncated byte sequence is an {@link
 * InvalidUtf8Exception} naming the line and byte offset of the first bad byte, never the JDK's bare "Input length
 * = 1". Characters decoded before the bad bytes are delivered first; the next read throws. Closes the stream when
 * closed. Not thread-safe.
 *
 * <pre>{@code
 * try (Reader reader = new Utf8Reader(Files.newInputStream(file))) {
 *     Table table = CsvTables.read(reader, file.toString(), CsvOptions.defaults());
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class Utf8Reader extends Reader {

    private static final int BUFFER = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER);
    private long consumed;
    private long line = 1;
    private boolean eof;
    private boolean done;
    private @Nullable InvalidUtf8Exception pending;

    /**
     * @param in the UTF-8 bytes; closed with this reader
     */
    public Utf8Reader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (pending != null) {
                throw pending;
            }
            if (done) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    private void fill() throws IOException {
        chars.clear();
        while (chars.position() == 0 && pending == null && !done) {
            if (!eof) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            int before = bytes.position();
            CoderResult result = decoder.decode(bytes, chars, eof);
            consumed += bytes.position() - before;
            if (result.isError()) {
                countLines();
                pending = error(result.length());
            } else if (eof && result.isUnderflow()) {
                decoder.flush(chars);
                done = true;
            }
        }
        if (pending == null) {
            countLines();
        }
        chars.flip();
    }

    /** Counts the newlines just decoded into the (cleared, then filled) buffer. */
    private void countLines() {
        char[] array = chars.array();
        for (int i = 0; i < chars.position(); i++) {
            if (array[i] == '\n') {
                line++;
            }
        }
    }

    private InvalidUtf8Exception error(int length) {
        int at = bytes.position();
        int first = bytes.get(at) & 0xFF;
        boolean truncated = eof && at + length == bytes.limit() && first >= 0xC2 && first <= 0xF4;
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < length && at + i < bytes.limit(); i++) {
            shown.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(at + i) & 0xFF));
        }
        String problem = truncated ? "the input ends inside a multi-byte character (" + shown + ")"
                : "byte" + (length > 1 ? "s " : " ") + shown + " cannot be decoded";
        return new InvalidUtf8Exception(problem + "; is the file UTF-8?", line, consumed);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
