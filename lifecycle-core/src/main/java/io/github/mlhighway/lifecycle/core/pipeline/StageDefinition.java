package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.pipeline.Codec;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One stage of a built pipeline with everything the runner needs. Types are erased here; the builder's
 * generics guarantee that each stage accepts the previous one's output.
 *
 * @param name       stage name, unique in the pipeline
 * @param outputType declared output type
 * @param codec      how its output is checkpointed
 * @param stage      the work
 * @param retry      retry policy
 * @param deadline   its deadline, or null
 * @param gates      the gates on its output, in order
 */
record StageDefinition(String name, Class<?> outputType, Codec<Object> codec, Stage<Object, Object> stage,
        RetryPolicy retry, @Nullable Duration deadline, List<GateStep> gates) {

    StageDefinition {
        gates = List.copyOf(gates);
    }
}
