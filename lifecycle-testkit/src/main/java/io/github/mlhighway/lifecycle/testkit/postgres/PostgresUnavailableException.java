package io.github.mlhighway.lifecycle.testkit.postgres;

/**
 * No PostgreSQL server can be started or reached for the tests; the message says what to install or set.
 *
 * @since 0.1
 */
public class PostgresUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing and how to provide it
     */
    public PostgresUnavailableException(String message) {
        super(message);
    }
}
