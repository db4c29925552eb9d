package io.github.mlhighway.lifecycle.pipeline;

import java.util.Objects;
import java.util.function.Function;

/**
 * One typed step of a pipeline: a function of its input and a {@link StageContext}. A long stage should call
 * {@link StageContext#checkCancelled()} now and then, so deadlines and cancellation take effect.
 *
 * <p>Write a stage as a lambda, {@code (rows, context) -> train(rows)}, or wrap a plain function with
 * {@link #of(Function)}.
 *
 * @param <I> input type
 * @param <O> output type
 * @since 0.1
 */
@FunctionalInterface
public interface Stage<I, O> {

    /**
     * Runs the stage.
     *
     * @param input   the previous stage's output (or the run's input); never null
     * @param context the run, attempt, deadline and cancellation of this execution
     * @return the output; must not be null
     * @throws Exception any failure; the runner records it and retries per the stage's policy
     */
    O apply(I input, StageContext context) throws Exception;

    /**
     * A stage that ignores its context.
     *
     * @param function the work
     * @param <I>      input type
     * @param <O>      output type
     * @return the stage
     */
    static <I, O> Stage<I, O> of(Function<? super I, ? extends O> function) {
        Objects.requireNonNull(function, "function");
        return (input, context) -> function.apply(input);
    }
}
