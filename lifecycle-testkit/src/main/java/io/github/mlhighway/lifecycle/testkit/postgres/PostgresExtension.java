package io.github.mlhighway.lifecycle.testkit.postgres;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real PostgreSQL server ({@link PostgresServer#shared()}, one per test JVM): register it with
 * {@code @ExtendWith(PostgresExtension.class)} and take a {@link PostgresServer} parameter, or call
 * {@link #server()}. When no server can be had, the test class fails with the reason under {@code CI=true} (so
 * CI never passes by skipping) and is skipped with the reason elsewhere.
 *
 * @since 0.1
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

    /** Creates the extension (JUnit does). */
    public PostgresExtension() {
    }

    /**
     * The shared server, failing or skipping the calling test as described above when there is none.
     *
     * @return the server
     */
    public static PostgresServer server() {
        try {
            return PostgresServer.shared();
        } catch (PostgresUnavailableException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true and the PostgreSQL tests cannot run: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL tests skipped: " + e.getMessage());
            throw e;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return server();
    }
}
