package io.github.mlhighway.lifecycle.registry;

/**
 * An alias move lacked evidence: no verdict and no override, or a verdict that does not allow proceeding (FAIL
 * or INCONCLUSIVE) without an override. Nothing was changed.
 *
 * @since 0.1
 */
public class AliasMoveRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message why the move was refused
     */
    public AliasMoveRefusedException(String message) {
        super(message);
    }
}
