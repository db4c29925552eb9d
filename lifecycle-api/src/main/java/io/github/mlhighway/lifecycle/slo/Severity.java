package io.github.mlhighway.lifecycle.slo;

/**
 * How urgently a burn-rate alert needs a person. Exported as the Prometheus label {@code severity}.
 *
 * @since 0.1
 */
public enum Severity {
    /** Wake someone up: the budget will be gone within hours or days. */
    PAGE,
    /** Look at it during working hours. */
    TICKET;

    /**
     * The label value, {@code page} or {@code ticket}.
     *
     * @return the lower-case name
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
