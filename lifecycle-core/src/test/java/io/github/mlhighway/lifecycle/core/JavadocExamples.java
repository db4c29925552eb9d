package io.github.mlhighway.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Keeps javadoc examples honest: reads the {@code <pre>{@code ...}</pre>} blocks of a main source file and the
 * copies a test holds between {@code // --- javadoc: NAME ---} and {@code // --- javadoc: end ---}, so a test can
 * run the copy and check that the javadoc still shows exactly that code. Paths are relative to the module (the
 * directory surefire runs the tests in).
 */
public final class JavadocExamples {

    private static final String OPEN = "<pre>{@code";
    private static final String CLOSE = "}</pre>";
    private static final String END_MARKER = "// --- javadoc: end ---";

    private JavadocExamples() {
    }

    /** The main source file of a (top-level) type. */
    public static Path source(Class<?> type) {
        return Path.of("src/main/java", type.getName().replace('.', '/') + ".java");
    }

    /** The {@code package-info.java} of a package of main sources. */
    public static Path packageInfo(String packageName) {
        return Path.of("src/main/java", packageName.replace('.', '/'), "package-info.java");
    }

    /**
     * The {@code n}th (from 1) {@code <pre>{@code ...}</pre>} block of a source file, without the comment's
     * leading {@code " * "}.
     */
    public static String example(Path source, int n) {
        String text = read(source);
        int from = 0;
        for (int i = 1; ; i++) {
            int open = text.indexOf(OPEN, from);
            if (open < 0) {
                throw new IllegalArgumentException(source + " has " + (i - 1) + " <pre>{@code blocks, not " + n);
            }
            int close = text.indexOf(CLOSE, open);
            if (close < 0) {
                throw new IllegalArgumentException(source + ": <pre>{@code block " + i + " is not closed by }</pre>");
            }
            if (i == n) {
                return text.substring(open + OPEN.length(), close).replaceAll("(?m)^\\s*\\* ?", "");
            }
            from = close;
        }
    }

    /** The copy between {@code // --- javadoc: NAME ---} and the next end marker in a test's own source file. */
    public static String copy(Class<?> test, String name) {
        Class<?> top = test;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        Path path = Path.of("src/test/java", top.getName().replace('.', '/') + ".java");
        String text = read(path);
        String marker = "// --- javadoc: " + name + " ---";
        int start = text.indexOf(marker);
        if (start < 0) {
            throw new IllegalArgumentException(path + " has no marker '" + marker + "'");
        }
        int end = text.indexOf(END_MARKER, start);
        if (end < 0) {
            throw new IllegalArgumentException(path + ": marker '" + marker + "' is not closed by '" + END_MARKER
                    + "'");
        }
        return text.substring(start + marker.length(), end);
    }

    /** Each line stripped, blank lines dropped: the comparison ignores indentation only. */
    public static String normalized(String code) {
        return Arrays.stream(code.split("\n")).map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    /** Asserts that the {@code n}th example of {@code source} is the copy {@code name} of {@code test}. */
    public static void assertShown(Path source, int n, Class<?> test, String name) {
        assertThat(normalized(copy(test, name)))
                .as("the copy '%s' in %s of example %d in %s", name, test.getSimpleName(), n, source)
                .isEqualTo(normalized(example(source, n)));
    }

    /** Asserts that the first example of {@code documented}'s source is the copy {@code name} of {@code test}. */
    public static void assertShown(Class<?> documented, Class<?> test, String name) {
        assertShown(source(documented), 1, test, name);
    }

    /** Asserts that the first example of {@code documented}'s source is the copy named after its simple name. */
    public static void assertShown(Class<?> documented, Class<?> test) {
        assertShown(documented, test, documented.getSimpleName());
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
        }
    }
}
