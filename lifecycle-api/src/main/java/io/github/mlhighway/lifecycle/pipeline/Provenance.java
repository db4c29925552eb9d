package io.github.mlhighway.lifecycle.pipeline;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a run came from: enough to reproduce it, or to say why two runs differ.
 *
 * @param codeVersion       the git commit, or the build's {@code Implementation-Version}, or {@code unknown}
 * @param codeVersionSource {@code git}, {@code manifest} or {@code unknown}
 * @param parameters        the pipeline's parameters
 * @param environment       JVM, OS and library versions ({@code java.version}, {@code os.name},
 *                          {@code lib.jackson-databind} ...)
 * @param inputDigests      data sets read, by name, as SHA-256 of their content
 * @param profileDigests    data profiles produced, by stage name, as SHA-256 of their encoded form
 * @since 0.1
 */
public record Provenance(String codeVersion, String codeVersionSource, Map<String, String> parameters,
        Map<String, String> environment, Map<String, String> inputDigests, Map<String, String> profileDigests) {

    /** Validates the components and copies the maps, sorted by key. */
    public Provenance {
        Objects.requireNonNull(codeVersion, "codeVersion");
        Objects.requireNonNull(codeVersionSource, "codeVersionSource");
        parameters = sorted(parameters);
        environment = sorted(environment);
        inputDigests = sorted(inputDigests);
        profileDigests = sorted(profileDigests);
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
