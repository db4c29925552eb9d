package io.github.mlhighway.lifecycle.djl;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.metric.Metrics;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A DJL {@link Predictor} that always runs the batch form of a {@link BatchTranslator}: {@link #batchPredict} builds
 * one input for the whole batch, runs one forward pass and splits the output once; {@link #predict} is a batch of
 * one, so a single row pays no batchifier (no per-row array to stack, no per-row output split).
 *
 * <p>Lighter per call than DJL's {@code Predictor}: one sub-{@code NDManager} per batch (closed afterwards, which
 * frees every array of the batch), one reusable translator context (no map, no metrics, no time stamps).
 *
 * <p>Not thread-safe, like every DJL predictor: use one per thread, a {@link PredictorPool} or a
 * {@link MicroBatcher}. {@link #close()} closes the predictor's own manager, not the model.
 *
 * @param <I> input type (one row)
 * @param <O> output type (one row's result)
 * @since 0.1
 */
public class BatchPredictor<I, O> extends Predictor<I, O> {

    private final BatchTranslator<I, O> batchTranslator;
    private final Context context = new Context();

    /**
     * @param model      the model (not owned: closing the predictor leaves it open)
     * @param translator the batch translator
     */
    public BatchPredictor(Model model, BatchTranslator<I, O> translator) {
        super(Objects.requireNonNull(model, "model"), Objects.requireNonNull(translator, "translator"),
                model.getNDManager().getDevice(), false);
        this.batchTranslator = translator;
    }

    /**
     * Predicts one row as a batch of one.
     *
     * @param input the row
     * @return its result
     * @throws TranslateException when translation or the forward pass fails (an invalid row, an engine error)
     */
    @Override
    public O predict(I input) throws TranslateException {
        return run(Collections.singletonList(input)).get(0);
    }

    /**
     * Predicts a batch with one input, one forward pass and one output split.
     *
     * @param inputs the rows, at least one
     * @return one result per row, in order
     * @throws TranslateException when translation or the forward pass fails, or the translator returns a wrong
     *                            number of results
     */
    @Override
    public List<O> batchPredict(List<I> inputs) throws TranslateException {
        if (inputs.isEmpty()) {
            return List.of();
        }
        return run(inputs);
    }

    private List<O> run(List<I> inputs) throws TranslateException {
        try (NDManager batchManager = manager.newSubManager()) {
            context.batchManager = batchManager;
            if (!prepared) {
                batchTranslator.prepare(context);
                prepared = true;
            }
            NDList input = batchTranslator.batchProcessInput(context, inputs);
            NDList output = predictInternal(context, input);
            List<O> results = batchTranslator.batchProcessOutput(context, output);
            if (results == null || results.size() != inputs.size()) {
                throw new TranslateException("the batch translator " + batchTranslator.getClass().getName()
                        + " returned " + (results == null ? "null" : results.size() + " results") + " for "
                        + inputs.size() + " rows");
            }
            return results;
        } catch (TranslateException e) {
            throw e;
        } catch (Exception e) { // as DJL's predictor: an invalid row or an engine failure is a TranslateException
            throw new TranslateException(e);
        } finally {
            context.batchManager = null;
            context.attachments = null;
        }
    }

    /** The one translator context of this predictor, pointed at each batch's manager in turn. */
    private final class Context implements TranslatorContext {
        @Nullable NDManager batchManager;
        @Nullable Map<String, Object> attachments;

        @Override
        public Model getModel() {
            return model;
        }

        @Override
        public NDManager getNDManager() {
            return batchManager != null ? batchManager : manager;
        }

        @Override
        public NDManager getPredictorManager() {
            return manager;
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public Metrics getMetrics() {
            return metrics;
        }

        @Override
        public @Nullable Object getAttachment(String key) {
            return attachments == null ? null : attachments.get(key);
        }

        @Override
        public void setAttachment(String key, Object value) {
            if (attachments == null) {
                attachments = new HashMap<>();
            }
            attachments.put(key, value);
        }

        @Override
        public void close() {
            // the batch manager is closed by the predictor after each batch
        }
    }
}
