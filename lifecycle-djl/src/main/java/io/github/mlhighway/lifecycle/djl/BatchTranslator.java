package io.github.mlhighway.lifecycle.djl;

import ai.djl.ndarray.NDList;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.List;

/**
 * A DJL {@link Translator} that translates a whole batch at once, as well as one row: the batch form turns the rows
 * into <em>one</em> input {@link NDList} for the whole batch (one {@code NDArray} of shape {@code (rows, ...)} built
 * from one primitive array, one JNI call), so that the model runs one forward pass, and splits the output from
 * one primitive array ({@code toFloatArray()} once) into one result per row.
 *
 * <p>DJL's default batch form ({@link Translator#batchProcessInput}) calls {@link #processInput} once per row, each
 * creating its own {@code NDArray}, and stacks them with the {@link #getBatchifier() batchifier}; its default
 * {@link Translator#batchProcessOutput} splits the output into one {@code NDList} per row and calls
 * {@link #processOutput} once per row. This interface makes both batch methods abstract, so an implementation
 * says how to do each in one step. {@link BatchPredictor}, {@link PredictorPool} and {@link MicroBatcher} run the
 * batch form (a single row is a batch of one); DJL's own {@code Predictor.batchPredict} calls it too.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #batchProcessInput} is given 1 or more rows (the list is reused by the caller: do not keep it) and
 *       returns one {@code NDList} whose arrays have the rows along their first dimension, in the list's
 *       order.</li>
 *   <li>{@link #batchProcessOutput} returns exactly one result per row, in the same order (a {@link MicroBatcher}
 *       fails the batch's callers otherwise).</li>
 *   <li>The single-row form ({@link #processInput}, {@link #processOutput}) must agree with the batch form: a row's
 *       result from a batch equals its result predicted alone (up to the rounding of a batched matrix
 *       product).</li>
 *   <li>Arrays are created with {@code ctx.getNDManager()}, which is closed after each batch.</li>
 * </ul>
 * The library's {@link ProbabilityTranslator} is one; a user's translator implements the same four methods.
 *
 * @param <I> input type (one row)
 * @param <O> output type (one row's result)
 * @since 0.1
 */
public interface BatchTranslator<I, O> extends Translator<I, O> {

    /**
     * Builds the model input for a whole batch.
     *
     * @param ctx  the translator context; create arrays with its {@code NDManager}
     * @param rows the batch's rows, at least one, in order
     * @return one input for the whole batch, the rows along the first dimension
     * @throws Exception when a row is invalid
     */
    @Override
    NDList batchProcessInput(TranslatorContext ctx, List<I> rows) throws Exception;

    /**
     * Splits the model output of a whole batch into one result per row.
     *
     * @param ctx    the translator context
     * @param output the model output for the batch, the rows along the first dimension
     * @return one result per row, in the rows' order
     * @throws Exception when the output cannot be read
     */
    @Override
    List<O> batchProcessOutput(TranslatorContext ctx, NDList output) throws Exception;
}
