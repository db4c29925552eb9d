package io.github.mlhighway.lifecycle.core.report;

import io.github.mlhighway.lifecycle.slo.AlertStatus;
import io.github.mlhighway.lifecycle.slo.Severity;
import java.util.Objects;

/**
 * One alerting burn-rate tier at the time of an {@link SloPoint}.
 *
 * @param id       tier id, e.g. {@code page-1h}
 * @param severity page or ticket
 * @param status   FIRING or NO_DATA
 * @param reason   the alert's sentence
 * @since 0.1
 */
public record AlertPoint(String id, Severity severity, AlertStatus status, String reason) {

    /** Validates the components. */
    public AlertPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
    }
}
