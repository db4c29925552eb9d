package io.github.mlhighway.lifecycle.cli;

import java.io.PrintWriter;

/** Exit codes of the {@code data} commands, and the one way they report bad input. */
final class DataExit {

    /** Success, and for {@code drift}: no drift. */
    static final int OK = 0;
    /** {@code drift} found drift. */
    static final int DRIFT = 1;
    /** The input could not be used: a missing or malformed file, a bad option, nothing to compare. */
    static final int BAD_INPUT = 2;

    private DataExit() {
    }

    /**
     * Prints {@code error: message} on stderr.
     *
     * @param err     stderr
     * @param message what is wrong and where
     * @return {@link #BAD_INPUT}
     */
    static int badInput(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return BAD_INPUT;
    }
}
