package io.github.mlhighway.lifecycle.slo;

/**
 * A comparison of a measured value with a threshold (OpenSLO {@code op}).
 *
 * @since 0.1
 */
public enum Operator {
    /** value &lt; threshold. */
    LT("lt"),
    /** value &lt;= threshold. */
    LTE("lte"),
    /** value &gt; threshold. */
    GT("gt"),
    /** value &gt;= threshold. */
    GTE("gte");

    private final String openSloName;

    Operator(String openSloName) {
        this.openSloName = openSloName;
    }

    /**
     * Compares a value with a threshold. NaN never satisfies any operator.
     *
     * @param value     the measured value
     * @param threshold the threshold
     * @return whether {@code value op threshold} holds
     */
    public boolean test(double value, double threshold) {
        switch (this) {
            case LT:
                return value < threshold;
            case LTE:
                return value <= threshold;
            case GT:
                return value > threshold;
            default:
                return value >= threshold;
        }
    }

    /**
     * The OpenSLO spelling.
     *
     * @return {@code lt}, {@code lte}, {@code gt} or {@code gte}
     */
    public String openSloName() {
        return openSloName;
    }

    /**
     * Parses the OpenSLO spelling.
     *
     * @param name {@code lt}, {@code lte}, {@code gt} or {@code gte}
     * @return the operator
     * @throws IllegalArgumentException for any other name
     */
    public static Operator fromOpenSlo(String name) {
        for (Operator operator : values()) {
            if (operator.openSloName.equals(name)) {
                return operator;
            }
        }
        throw new IllegalArgumentException("Unknown operator '" + name + "': expected lt, lte, gt or gte");
    }
}
