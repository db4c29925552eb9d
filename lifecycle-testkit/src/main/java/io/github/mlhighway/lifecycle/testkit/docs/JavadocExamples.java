package io.github.mlhighway.lifecycle.testkit.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads the {@code <pre>{@code ...}</pre>} examples of main sources and the copies that tests keep between
 * {@code // --- javadoc: NAME ---} and {@code // --- javadoc: end ---}, so a test can check that the javadoc shows
 * exactly the code it runs: {@code assertThat(copy(testSource, "Rain")).isEqualTo(example(mainSource, 0))}. Paths are
 * relative to the module directory, where Maven runs the tests.
 *
 * @since 0.1
 */
public final class JavadocExamples {

    private static final String OPEN = "<pre>{@code";
    private static final String CLOSE = "}</pre>";
    private static final String END_MARKER = "// --- javadoc: end ---";

    private JavadocExamples() {
    }

    /**
     * The {@code index}-th (from 0) code example of a source file, without the leading {@code " * "} of each line.
     *
     * @param source the source file
     * @param index  which example, from 0
     * @return the example's code
     * @throws IllegalArgumentException if the file has fewer examples, or an example is not closed
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static String javadocExample(Path source, int index) {
        String text = read(source);
        int from = 0;
        for (int i = 0; i <= index; i++) {
            int open = text.indexOf(OPEN, from);
            if (open < 0) {
                throw new IllegalArgumentException(source + " has " + i + " <pre>{@code examples, not " + (index + 1));
            }
            int close = text.indexOf(CLOSE, open);
            if (close < 0) {
                throw new IllegalArgumentException(source + ": example " + i + " has no closing }</pre>");
            }
            if (i == index) {
                return text.substring(open + OPEN.length(), close).replaceAll("(?m)^\\s*\\* ?", "");
            }
            from = close + CLOSE.length();
        }
        throw new AssertionError("unreachable");
    }

    /**
     * The lines of a test source between {@code // --- javadoc: NAME ---} and the next
     * {@code // --- javadoc: end ---}.
     *
     * @param test the test's source file
     * @param name the copy's name in its start marker
     * @return the copied code
     * @throws IllegalArgumentException if either marker is missing
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static String testCopy(Path test, String name) {
        String text = read(test);
        String marker = "// --- javadoc: " + name + " ---";
        int start = text.indexOf(marker);
        if (start < 0) {
            throw new IllegalArgumentException(test + " has no marker '" + marker + "'");
        }
        int end = text.indexOf(END_MARKER, start);
        if (end < 0) {
            throw new IllegalArgumentException(test + ": marker '" + marker + "' has no '" + END_MARKER + "' after it");
        }
        return text.substring(start + marker.length(), end);
    }

    /**
     * The code with each line stripped, runs of spaces made one, and blank lines dropped, so indentation and
     * comment alignment do not count.
     *
     * @param code the code
     * @return the normalised code
     */
    public static String normalized(String code) {
        return Arrays.stream(code.split("\n")).map(line -> line.strip().replaceAll("\\s+", " "))
                .filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }

    /**
     * The normalised {@code index}-th example of {@code source}; compare it with {@link #copy}.
     *
     * @param source the source file
     * @param index  which example, from 0
     * @return the normalised example
     */
    public static String example(Path source, int index) {
        return normalized(javadocExample(source, index));
    }

    /**
     * The normalised copy named {@code name} in {@code test}; compare it with {@link #example}.
     *
     * @param test the test's source file
     * @param name the copy's name
     * @return the normalised copy
     */
    public static String copy(Path test, String name) {
        return normalized(testCopy(test, name));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
