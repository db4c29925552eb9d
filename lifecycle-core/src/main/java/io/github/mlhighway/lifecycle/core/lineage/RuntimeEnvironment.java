package io.github.mlhighway.lifecycle.core.lineage;

import java.util.Map;
import java.util.TreeMap;

/**
 * The environment a run executed in: JVM, OS, and versions of the libraries that shape its results.
 *
 * @since 0.1
 */
public final class RuntimeEnvironment {

    private static final Map<String, String> LIBRARIES = Map.of(
            "lib.lifecycle-core", "io.github.mlhighway.lifecycle.core.json.Json",
            "lib.jackson-databind", "com.fasterxml.jackson.databind.ObjectMapper",
            "lib.guava", "com.google.common.hash.Hashing",
            "lib.commons-math3", "org.apache.commons.math3.util.FastMath",
            "lib.datasketches-java", "org.apache.datasketches.kll.KllDoublesSketch",
            "lib.djl-api", "ai.djl.Model");

    private RuntimeEnvironment() {
    }

    /**
     * Captures the environment: {@code java.version}, {@code java.vendor}, {@code java.vm.name},
     * {@code os.name}, {@code os.arch}, {@code os.version}, and {@code lib.NAME} for each known library on the
     * class path whose jar manifest names its version.
     *
     * @return the entries, sorted by key
     */
    public static Map<String, String> capture() {
        Map<String, String> environment = new TreeMap<>();
        for (String property : new String[] {"java.version", "java.vendor", "java.vm.name", "os.name", "os.arch",
            "os.version"}) {
            String value = System.getProperty(property);
            if (value != null) {
                environment.put(property, value);
            }
        }
        LIBRARIES.forEach((name, className) -> libraryVersion(className).ifPresent(v -> environment.put(name, v)));
        return environment;
    }

    private static java.util.Optional<String> libraryVersion(String className) {
        try {
            Class<?> type = Class.forName(className, false, RuntimeEnvironment.class.getClassLoader());
            Package pkg = type.getPackage();
            return java.util.Optional.ofNullable(pkg == null ? null : pkg.getImplementationVersion());
        } catch (ClassNotFoundException | LinkageError e) {
            return java.util.Optional.empty();
        }
    }
}
