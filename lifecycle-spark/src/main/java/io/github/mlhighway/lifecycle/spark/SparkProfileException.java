package io.github.mlhighway.lifecycle.spark;

/**
 * A Dataset cannot be profiled or gated as asked: a column type the profiler does not handle (nested, array, map,
 * binary), a segment column that does not exist, or a Spark job that failed. The message says which column or
 * job and what to do; a Spark failure is kept as the cause.
 *
 * @since 0.1
 */
public class SparkProfileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what went wrong and where
     */
    public SparkProfileException(String message) {
        super(message);
    }

    /**
     * An exception with a message and the Spark failure behind it.
     *
     * @param message what went wrong and where
     * @param cause   the underlying failure
     */
    public SparkProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
