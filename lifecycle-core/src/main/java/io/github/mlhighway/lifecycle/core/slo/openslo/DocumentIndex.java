package io.github.mlhighway.lifecycle.core.slo.openslo;

import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The documents of several files by kind and name, for resolving references, each with its problem collector. */
final class DocumentIndex {

    private final Map<String, Map<String, Located<OpenSloDocument>>> byKind = new LinkedHashMap<>();
    private final List<Located<SloDocument>> slos = new ArrayList<>();
    private final Map<String, Located<OpenSloDocument>> duplicates = new LinkedHashMap<>();

    DocumentIndex(List<OpenSloFile> files, List<SloSpecException.Problem> problems,
                  List<SloSpecException.Problem> warnings) {
        for (OpenSloFile file : files) {
            for (int i = 0; i < file.documents().size(); i++) {
                OpenSloDocument document = file.documents().get(i);
                ProblemCollector collector = new ProblemCollector(file.source(), file.lines().get(i), problems,
                        warnings);
                Located<OpenSloDocument> located = new Located<>(document, collector, "");
                Located<OpenSloDocument> previous = byKind.computeIfAbsent(document.kind(), kind -> new LinkedHashMap<>())
                        .putIfAbsent(document.name(), located);
                if (previous != null && document instanceof SloDocument) {
                    collector.problem("metadata.name", "found a second " + document.kind() + " named "
                            + SpecNode.quote(document.name()) + ", expected names unique per kind");
                } else if (previous != null) {
                    // The SDK's examples repeat names; only a reference to such a name is ambiguous.
                    duplicates.putIfAbsent(document.kind() + "/" + document.name(), located);
                }
                if (document instanceof SloDocument slo) {
                    slos.add(new Located<>(slo, collector, ""));
                }
            }
        }
    }

    List<Located<SloDocument>> slos() {
        return slos;
    }

    /**
     * The document of that kind and name, or {@code null}; when two documents of the kind have the name, the
     * second is reported (a reference to it is ambiguous).
     */
    @SuppressWarnings("unchecked")
    <T extends OpenSloDocument> @Nullable Located<T> find(String kind, String name) {
        Map<String, Located<OpenSloDocument>> named = byKind.getOrDefault(kind, Map.of());
        Located<OpenSloDocument> duplicate = duplicates.remove(kind + "/" + name);
        if (duplicate != null) {
            duplicate.problems().problem("metadata.name", "found a second " + kind + " named " + SpecNode.quote(name)
                    + ", expected names unique per kind: an SLO refers to this name");
        }
        return (Located<T>) named.get(name);
    }

    /** The names known for a kind, for messages. */
    String known(String kind) {
        Map<String, Located<OpenSloDocument>> named = byKind.getOrDefault(kind, Map.of());
        return named.isEmpty() ? "no " + kind + " document was given" : "known: " + named.keySet();
    }
}
