package io.github.mlhighway.lifecycle.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The exit codes every {@code lifecycle} command uses, and the one way they report bad input. ({@code slo check}
 * and {@code slo rules} keep their own, older constants in {@code SpecRunner} with the same values.)
 */
final class ExitCodes {

    /** Success: written, listed, clean, verified, no drift. */
    static final int OK = 0;
    /** The command ran and found something: drift, store problems, an artifact that failed verification. */
    static final int FOUND = 1;
    /** Bad input: a missing or malformed file or directory, a bad option, an unknown model or run, nothing to compare. */
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }

    /**
     * Prints {@code error: message} on stderr.
     *
     * @param err     stderr
     * @param message what is wrong (an exception's message, which may be null)
     * @return {@link #BAD_INPUT}
     */
    static int badInput(PrintWriter err, @Nullable String message) {
        err.println("error: " + message);
        err.flush();
        return BAD_INPUT;
    }

    /**
     * Whether a store directory exists, so that reading commands never create one.
     *
     * @param directory the directory
     * @return true when it is a directory
     */
    static boolean exists(Path directory) {
        return Files.isDirectory(directory);
    }
}
