package io.github.mlhighway.lifecycle.core.data.schema;

/**
 * How a table can differ from its schema.
 *
 * @since 0.1
 */
public enum ViolationKind {
    /** A column the schema expects in this environment is not in the table. */
    MISSING_COLUMN,
    /** A column is in the table but not in the schema, or not expected in this environment. */
    UNEXPECTED_COLUMN,
    /** A column holds values of another type than the schema's. */
    WRONG_TYPE,
    /** A non-nullable column holds nulls. */
    NULL_VALUE,
    /** A value is smaller than the schema's min. */
    BELOW_MIN,
    /** A value is larger than the schema's max. */
    ABOVE_MAX,
    /** A double column with bounds holds NaN, which lies within no bounds. */
    NOT_A_NUMBER,
    /** A value is not among the schema's allowed values. */
    NOT_ALLOWED
}
