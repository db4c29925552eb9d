package io.github.mlhighway.lifecycle.core.slo.openslo;

import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects problems and warnings of one document, naming the source file and the line of each path. */
final class ProblemCollector {

    private final String source;
    private final Map<String, Integer> lines;
    private final List<SloSpecException.Problem> problems;
    private final List<SloSpecException.Problem> warnings;

    ProblemCollector(String source, Map<String, Integer> lines, List<SloSpecException.Problem> problems,
                     List<SloSpecException.Problem> warnings) {
        this.source = source;
        this.lines = lines;
        this.problems = problems;
        this.warnings = warnings;
    }

    void problem(String path, String message) {
        problems.add(new SloSpecException.Problem(locate(path), path.isEmpty() ? "(document)" : path, message));
    }

    void warning(String path, String message) {
        warnings.add(new SloSpecException.Problem(locate(path), path.isEmpty() ? "(document)" : path, message));
    }

    private String locate(String path) {
        String probe = path;
        while (true) {
            Integer line = lines.get(probe);
            if (line != null) {
                return source + ":" + line;
            }
            if (probe.isEmpty()) {
                return source;
            }
            int cut = Math.max(probe.lastIndexOf('.'), probe.lastIndexOf('['));
            probe = cut < 0 ? "" : probe.substring(0, cut);
        }
    }
}
