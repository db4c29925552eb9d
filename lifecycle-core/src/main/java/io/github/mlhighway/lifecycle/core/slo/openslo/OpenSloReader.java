package io.github.mlhighway.lifecycle.core.slo.openslo;

import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads OpenSLO YAML (one or several {@code ---} separated documents) into the document model, checking every
 * field against the OpenSLO v1 schema (v1alpha for Sloth-style SLOs) and collecting every problem before it
 * throws. Checks that need other documents (references) or the engine (window units it cannot represent,
 * alert tiers that cannot fire) are the {@link OpenSloConverter}'s.
 *
 * <p>Thread-safe and stateless.
 *
 * @since 0.1
 */
public final class OpenSloReader {

    /**
     * The largest OpenSLO file read, in bytes (4 MiB); larger files are refused before they are parsed. Text is
     * limited to the same number of characters, and parsing time is linear in the size (see {@link
     * #read(String, String)}).
     */
    public static final int MAX_FILE_BYTES = YamlDocuments.MAX_CHARS;

    /**
     * Reads a file.
     *
     * @param file the YAML file
     * @return its documents
     * @throws SloSpecException listing every problem, each with the file name, line and YAML path; also when
     *                          the file is not a regular file or is larger than {@link #MAX_FILE_BYTES}
     * @throws UncheckedIOException if the file cannot be read, saying whether it does not exist, is a directory,
     *                              is not readable or is not UTF-8 (with the line of the first bad byte)
     */
    public OpenSloFile read(Path file) {
        return read(readText(file), file.toString());
    }

    /**
     * The text of a file, refusing before reading it a file that is not a regular file (a FIFO or a device
     * would block or never end) or that is larger than {@value #MAX_FILE_BYTES} bytes.
     */
    private static String readText(Path file) {
        byte[] bytes;
        try {
            if (Files.exists(file) && !Files.isDirectory(file) && !Files.isRegularFile(file)) {
                throw new SloSpecException(file.toString(), "(file)", "found a special file (a FIFO, device or "
                        + "socket), expected a regular YAML file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw tooLarge(file.toString(), size);
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read OpenSLO file " + file + ": " + why(file, e), e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge(file.toString(), bytes.length);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException("Cannot read OpenSLO file " + file + ": it is not UTF-8 text (the first "
                    + "bad byte is on line " + badUtf8Line(bytes) + ")", e);
        }
    }

    private static SloSpecException tooLarge(String source, long size) {
        return new SloSpecException(source, "(file)", "found " + size + " bytes, expected at most "
                + MAX_FILE_BYTES + " (" + MAX_FILE_BYTES / 1024 / 1024 + " MiB) in one OpenSLO file");
    }

    /** The line (from 1) holding the first byte that does not decode as UTF-8. */
    private static int badUtf8Line(byte[] bytes) {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Why a file could not be read, in words rather than the exception's bare path. */
    private static String why(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (Files.isDirectory(file)) {
            return "it is a directory, expected a YAML file";
        }
        if (e instanceof AccessDeniedException) {
            return "it is not readable (permission denied)";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        return "it is not readable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }

    /**
     * Reads YAML text: one or several {@code ---} separated documents, or a list of documents (as the OpenSLO
     * SDK writes them). Aliases are resolved (boundedly: a file whose aliases would expand beyond 10,000 nodes
     * is refused), merge keys are refused, and texts longer than {@link #MAX_FILE_BYTES} characters, nested
     * deeper than 64 levels or with a run of more than 65,536 non-blank characters are refused before they are
     * parsed, so parsing time stays linear in the size.
     *
     * @param yaml   the text
     * @param source the name used in problem messages, e.g. the file name
     * @return the documents
     * @throws SloSpecException listing every problem
     */
    public OpenSloFile read(String yaml, String source) {
        List<YamlDocuments.Document> parsed = YamlDocuments.parse(yaml, source);
        List<SloSpecException.Problem> problems = new ArrayList<>();
        List<OpenSloDocument> documents = new ArrayList<>();
        List<Map<String, Integer>> lines = new ArrayList<>();
        if (parsed.isEmpty()) {
            problems.add(new SloSpecException.Problem(source, "(file)", "found no YAML document, expected at least "
                    + "one OpenSLO document"));
        }
        for (YamlDocuments.Document document : parsed) {
            ProblemCollector collector = new ProblemCollector(source, document.lines(), problems, new ArrayList<>());
            OpenSloDocument read = new DocumentReader().read(new SpecNode(document.root(), "", collector));
            if (read != null) {
                documents.add(read);
                lines.add(document.lines());
            }
        }
        if (!problems.isEmpty()) {
            throw new SloSpecException(problems);
        }
        return new OpenSloFile(source, documents, lines);
    }
}
