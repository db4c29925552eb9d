package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.pipeline.Codec;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, typed chain of stages and gates, built by {@link #start(String, Class)} and run by a
 * {@link PipelineRunner}. Every stage's output type has a codec (checked when built), so every run can be
 * checkpointed and resumed.
 *
 * @param <I> the run's input type
 * @param <O> the last stage's output type
 * @since 0.1
 */
public final class Pipeline<I, O> {

    private final String name;
    private final Class<I> inputType;
    private final Codec<Object> inputCodec;
    private final List<StageDefinition> stages;
    private final @Nullable Duration runDeadline;
    private final Map<String, String> parameters;
    private final @Nullable Slo runSlo;

    Pipeline(String name, Class<I> inputType, Codec<Object> inputCodec, List<StageDefinition> stages,
            @Nullable Duration runDeadline, Map<String, String> parameters, @Nullable Slo runSlo) {
        this.name = name;
        this.inputType = inputType;
        this.inputCodec = inputCodec;
        this.stages = List.copyOf(stages);
        this.runDeadline = runDeadline;
        this.parameters = Map.copyOf(parameters);
        this.runSlo = runSlo;
    }

    /**
     * Starts building a pipeline.
     *
     * @param name      the pipeline's name: 1 to 64 letters, digits, {@code . _ -}
     * @param inputType the type of the run input (needs a codec: its digest goes into the run record)
     * @param <I>       the input type
     * @return a builder whose current output is the input
     * @throws IllegalArgumentException for an invalid name
     */
    public static <I> PipelineBuilder<I, I> start(String name, Class<I> inputType) {
        return new PipelineBuilder<>(name, inputType);
    }

    /** @return the pipeline's name */
    public String name() {
        return name;
    }

    /** @return the run input type */
    public Class<I> inputType() {
        return inputType;
    }

    /** @return the stage names, in order */
    public List<String> stageNames() {
        return stages.stream().map(StageDefinition::name).toList();
    }

    /** @return the deadline of a whole run, if any */
    public Optional<Duration> runDeadline() {
        return Optional.ofNullable(runDeadline);
    }

    /** @return the SLO every run records one event against, if declared */
    public Optional<Slo> runSlo() {
        return Optional.ofNullable(runSlo);
    }

    /** @return every SLO the pipeline declares: the run SLO, then the gate SLOs in pipeline order */
    public List<Slo> slos() {
        List<Slo> all = new ArrayList<>();
        if (runSlo != null) {
            all.add(runSlo);
        }
        stages.forEach(stage -> stage.gates().stream().map(GateStep::slo).filter(Objects::nonNull)
                .forEach(all::add));
        return List.copyOf(all);
    }

    /** @return the parameters recorded in every run's provenance */
    public Map<String, String> parameters() {
        return parameters;
    }

    Codec<Object> inputCodec() {
        return inputCodec;
    }

    List<StageDefinition> stages() {
        return stages;
    }

    @Override
    public String toString() {
        return "Pipeline[" + name + ": " + String.join(" -> ", stageNames()) + "]";
    }
}
