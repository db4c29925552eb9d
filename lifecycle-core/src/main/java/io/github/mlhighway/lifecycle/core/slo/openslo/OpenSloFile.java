package io.github.mlhighway.lifecycle.core.slo.openslo;

import java.util.List;
import java.util.Map;

/**
 * The documents of one OpenSLO file, with where they came from.
 *
 * @param source    the file name (or another label) used in problem messages
 * @param documents the documents in file order
 * @param lines     per document, the line of each YAML path (empty for documents built in code)
 * @since 0.1
 */
public record OpenSloFile(String source, List<OpenSloDocument> documents, List<Map<String, Integer>> lines) {

    /** Copies the lists; without line information each document gets an empty map. */
    public OpenSloFile {
        documents = List.copyOf(documents);
        lines = lines == null || lines.isEmpty()
                ? documents.stream().map(document -> Map.<String, Integer>of()).toList()
                : List.copyOf(lines);
        if (lines.size() != documents.size()) {
            throw new IllegalArgumentException("One line map per document: " + lines.size() + " for "
                    + documents.size() + " documents");
        }
    }

    /**
     * A file of documents built in code.
     *
     * @param source    a label for messages
     * @param documents the documents
     * @return the file
     */
    public static OpenSloFile of(String source, List<OpenSloDocument> documents) {
        return new OpenSloFile(source, documents, List.of());
    }
}
