package io.github.mlhighway.lifecycle.core.slo.prometheus;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test whose external tool (promtool, Chromium) is missing, except under {@code CI=true}, where a missing
 * tool fails the test: CI installs every tool, so a skip there would hide a broken install.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    /**
     * Continues when the tool is available; otherwise skips (locally) or fails (under {@code CI=true}).
     *
     * @param available whether the tool was found
     * @param message   what is missing and how to install it
     */
    public static void require(boolean available, String message) {
        if (!available && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true but a required tool is missing: " + message);
        }
        Assumptions.assumeTrue(available, message);
    }
}
