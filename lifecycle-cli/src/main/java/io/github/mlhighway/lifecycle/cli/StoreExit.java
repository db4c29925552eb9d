package io.github.mlhighway.lifecycle.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Exit codes of the {@code store}, {@code registry} and {@code lineage} commands, and how they report bad input. */
final class StoreExit {

    /** Clean, found, verified. */
    static final int OK = 0;
    /** The store check found problems, or an artifact failed verification. */
    static final int PROBLEMS = 1;
    /** Bad input: no such directory, a malformed reference, an unknown model, version or alias. */
    static final int BAD_INPUT = 2;

    private StoreExit() {
    }

    /**
     * Prints {@code error: message} on stderr.
     *
     * @param err     stderr
     * @param message what is wrong
     * @return {@link #BAD_INPUT}
     */
    static int badInput(PrintWriter err, String message) {
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
