package io.github.mlhighway.lifecycle.djl;

/**
 * A DJL prediction failed: the unchecked form of DJL's checked {@link ai.djl.translate.TranslateException}, which
 * is kept as the cause. Thrown by {@link PredictorPool#apply} so that the pool can be used as a
 * {@link java.util.function.Function}.
 *
 * @since 0.1
 */
public final class DjlPredictionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause   DJL's exception
     */
    public DjlPredictionException(String message, Throwable cause) {
        super(message, cause);
    }
}
