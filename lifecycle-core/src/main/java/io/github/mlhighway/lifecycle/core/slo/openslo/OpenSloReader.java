package io.github.mlhighway.lifecycle.core.slo.openslo;

import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.io.IOException;
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
 */
public final class OpenSloReader {

    /**
     * Reads a file.
     *
     * @param file the YAML file
     * @return its documents
     * @throws SloSpecException listing every problem, each with the file name, line and YAML path
     * @throws UncheckedIOException if the file cannot be read, saying whether it does not exist, is a directory,
     *                              is not readable or is not UTF-8
     */
    public OpenSloFile read(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read OpenSLO file " + file + ": " + why(file, e), e);
        }
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
     * Reads YAML text.
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
