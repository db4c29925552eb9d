package io.github.mlhighway.lifecycle.djl;

import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.pipeline.StageCancelledException;
import io.github.mlhighway.lifecycle.pipeline.StageContext;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@link DjlTrainer} as a pipeline {@link Stage}: {@link TrainingData} in, {@link TrainedParameters} out (a record
 * the pipeline checkpoints as JSON, see there why).
 *
 * <ul>
 *   <li><b>Deadline and cancellation:</b> the stage's {@link StageContext#isCancelled()} (which reads the run's
 *       injected clock against the stage and run deadlines) is checked before every batch. When it says stop, a
 *       training checkpoint is written (with {@link Builder#checkpoints checkpoints}) and, by default, the stage
 *       fails with the context's {@link StageCancelledException}: the run ends {@code DEADLINE_EXCEEDED} or
 *       {@code CANCELLED}, and running the same run id again continues training from that checkpoint. With
 *       {@link Builder#stopEarlyAtDeadline()}, a passed deadline instead ends training and returns the model
 *       trained so far, with {@link TrainingReport#stoppedEarly()} set (a cancellation still fails the stage).</li>
 *   <li><b>Checkpoints:</b> in {@code <root>/<runId>/<stageName>}, so a resumed pipeline run resumes the
 *       training inside the stage too (see {@link DjlTrainer} for what is restored and what is not).</li>
 *   <li><b>Divergence:</b> a NaN or infinite loss fails the stage with the {@link TrainingDivergedException}
 *       (its message names the epoch and what to try).</li>
 *   <li><b>Lineage:</b> the SHA-256 of the training data is recorded as the stage's input
 *       {@value #INPUT_NAME}.</li>
 * </ul>
 *
 * <pre>{@code
 * Pipeline<TrainingData, EvaluatedModel> pipeline = Pipeline.start("rain", TrainingData.class)
 *     .then("train", TrainedParameters.class, DjlTrainingStage.builder(trainer).checkpoints(dir).build())
 *     .deadline(Duration.ofMinutes(20))
 *     .then("evaluate", EvaluatedModel.codec(), evaluation)
 *     .gate(EvaluatedModel.gate(modelGate))
 *     .build();
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class DjlTrainingStage implements Stage<TrainingData, TrainedParameters> {

    /** The name under which the training data's digest is recorded for lineage. */
    public static final String INPUT_NAME = "training-data";

    private final DjlTrainer trainer;
    private final @Nullable Path checkpointRoot;
    private final boolean stopEarlyAtDeadline;

    private DjlTrainingStage(Builder builder) {
        this.trainer = builder.trainer;
        this.checkpointRoot = builder.checkpointRoot;
        this.stopEarlyAtDeadline = builder.stopEarlyAtDeadline;
    }

    /**
     * @param trainer the trainer (hyperparameters, listeners, SLOs, progress)
     * @return a builder
     */
    public static Builder builder(DjlTrainer trainer) {
        return new Builder(trainer);
    }

    /**
     * @param trainer the trainer
     * @return a stage without checkpoints that fails at its deadline
     */
    public static DjlTrainingStage of(DjlTrainer trainer) {
        return builder(trainer).build();
    }

    /**
     * Trains (or resumes training) and returns the parameters.
     *
     * @param input   the training rows
     * @param context the run, deadline and cancellation
     * @return the trained parameters and the training report
     * @throws StageCancelledException   when the deadline passed or the run was cancelled (unless stopping early
     *                                   at the deadline was chosen)
     * @throws TrainingDivergedException when the loss became NaN or infinite
     */
    @Override
    public TrainedParameters apply(TrainingData input, StageContext context) {
        context.recordInput(INPUT_NAME, input.sha256());
        TrainedDjlModel model = checkpointRoot == null ? trainer.train(input, context::isCancelled)
                : trainer.train(input, new Checkpoints(checkpointRoot.resolve(context.runId())
                        .resolve(context.stageName())), context::isCancelled);
        try (model) {
            if (model.report().orElseThrow().stoppedEarly()) {
                try {
                    context.checkCancelled();
                } catch (StageCancelledException e) {
                    if (!(stopEarlyAtDeadline && e.status() == RunStatus.DEADLINE_EXCEEDED)) {
                        throw e;
                    }
                }
            }
            return TrainedParameters.of(model);
        }
    }

    /** Builds a {@link DjlTrainingStage}. */
    public static final class Builder {
        private final DjlTrainer trainer;
        private @Nullable Path checkpointRoot;
        private boolean stopEarlyAtDeadline;

        private Builder(DjlTrainer trainer) {
            this.trainer = Objects.requireNonNull(trainer, "trainer");
        }

        /**
         * Checkpoints training into {@code root/<runId>/<stageName>} (default: no checkpoints).
         *
         * @param root the checkpoint root directory
         * @return this builder
         */
        public Builder checkpoints(Path root) {
            this.checkpointRoot = Objects.requireNonNull(root, "root");
            return this;
        }

        /**
         * At a passed deadline, return the model trained so far instead of failing the stage.
         *
         * @return this builder
         */
        public Builder stopEarlyAtDeadline() {
            this.stopEarlyAtDeadline = true;
            return this;
        }

        /** @return the stage */
        public DjlTrainingStage build() {
            return new DjlTrainingStage(this);
        }
    }
}
