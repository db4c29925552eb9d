package io.github.mlhighway.lifecycle.slo;

import java.util.List;

/**
 * An SLO specification (OpenSLO YAML or a definition built in code) is invalid. The message names the source,
 * the path of every bad field (e.g. {@code spec.objectives[0].target}) and what was expected there.
 *
 * @since 0.1
 */
public class SloSpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One problem in a spec. */
    public record Problem(String source, String path, String message) {
        @Override
        public String toString() {
            return source + ": " + path + ": " + message;
        }
    }

    private final List<Problem> problems;

    /**
     * An exception carrying one or more problems.
     *
     * @param problems what is wrong, at least one
     */
    public SloSpecException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * An exception for one problem.
     *
     * @param source  the file or name the spec came from
     * @param path    the path of the bad field
     * @param message what was expected
     */
    public SloSpecException(String source, String path, String message) {
        this(List.of(new Problem(source, path, message)));
    }

    /**
     * Every problem found, in document order.
     *
     * @return the problems
     */
    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A SloSpecException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder text = new StringBuilder(problems.size() + " problems in SLO spec:");
        for (Problem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        return text.toString();
    }
}
