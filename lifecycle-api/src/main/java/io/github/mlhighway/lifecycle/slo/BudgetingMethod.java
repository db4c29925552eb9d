package io.github.mlhighway.lifecycle.slo;

/**
 * How an SLO's error budget is counted (OpenSLO {@code budgetingMethod}).
 *
 * @since 0.1
 */
public enum BudgetingMethod {
    /** Every event counts: the SLI is good events over all events in the window. */
    OCCURRENCES("Occurrences"),
    /**
     * The window is cut into slices; a slice is good when its own ratio meets the slice target; the SLI is
     * good slices over all slices.
     */
    TIMESLICES("Timeslices"),
    /** The window is cut into slices; the SLI is the average of the slices' good-event ratios. */
    RATIO_TIMESLICES("RatioTimeslices");

    private final String openSloName;

    BudgetingMethod(String openSloName) {
        this.openSloName = openSloName;
    }

    /**
     * The name used in OpenSLO documents.
     *
     * @return e.g. {@code "Occurrences"}
     */
    public String openSloName() {
        return openSloName;
    }

    /**
     * Parses an OpenSLO budgeting method name, case-sensitively as the spec writes it.
     *
     * @param name e.g. {@code "Timeslices"}
     * @return the method
     * @throws IllegalArgumentException if the name is not one of Occurrences, Timeslices, RatioTimeslices
     */
    public static BudgetingMethod fromOpenSlo(String name) {
        for (BudgetingMethod method : values()) {
            if (method.openSloName.equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(
                "Unknown budgeting method '" + name + "': expected Occurrences, Timeslices or RatioTimeslices");
    }
}
