package io.github.mlhighway.lifecycle.core.slo.openslo;

/**
 * A model value with where it was written: the collector of its document and its YAML path there.
 *
 * @param value    the value
 * @param problems the collector of the document holding it
 * @param path     its path in that document ("" for a whole document)
 * @param <T>      the value type
 */
record Located<T>(T value, ProblemCollector problems, String path) {

    String at(String child) {
        return path.isEmpty() ? child : path + "." + child;
    }

    void problem(String child, String message) {
        problems.problem(at(child), message);
    }

    void warning(String child, String message) {
        problems.warning(at(child), message);
    }
}
