package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.pipeline.Codec;
import io.github.mlhighway.lifecycle.pipeline.PipelineDefinitionException;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.slo.Indicator;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Pipeline}. Each {@code then} adds a stage whose input is the current output; {@link #gate},
 * {@link #retry} and {@link #deadline} apply to the stage added last, {@link #gateSlo} to the gate added last.
 * Arguments are checked at once; codecs for every output type are resolved in {@link #build()}, so a type that
 * cannot be checkpointed fails there. Not thread-safe; each method returns this builder (retyped after
 * {@code then}).
 *
 * <p><b>What a gate's verdict is about.</b> The runner journals every verdict in the run record and stamps it with
 * its subject ({@code Verdict.subject()}) unless the gate named one: the SHA-256 of the stage's checkpointed
 * output, under the stage's name, or, when the output is a {@link java.nio.file.Path}, of the file or of every
 * file under the directory (named as {@code NewModelVersion.Builder.directory} names them). A model registered
 * from exactly those bytes can then be promoted with that verdict even though it was registered after the gate.
 *
 * @param <I> the run's input type
 * @param <O> the current output type
 * @since 0.1
 */
public final class PipelineBuilder<I, O> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final String name;
    private final Class<I> inputType;
    private final List<PendingStage> stages = new ArrayList<>();
    private final Map<Class<?>, Codec<?>> codecs = new HashMap<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private @Nullable Duration runDeadline;
    private @Nullable Slo runSlo;

    PipelineBuilder(String name, Class<I> inputType) {
        this.name = requireName(name, "pipeline");
        this.inputType = Objects.requireNonNull(inputType, "inputType");
    }

    /**
     * Adds a stage whose output is stored with the codec found for {@code outputType} when built.
     *
     * @param stageName  unique name: 1 to 64 letters, digits, {@code . _ -}
     * @param outputType the class of its output
     * @param stage      the work
     * @param <N>        the new output type
     * @return this builder, now producing {@code N}
     */
    public <N> PipelineBuilder<I, N> then(String stageName, Class<N> outputType,
            Stage<? super O, ? extends N> stage) {
        Objects.requireNonNull(outputType, "outputType");
        return add(stageName, outputType, null, stage);
    }

    /**
     * Adds a stage whose output is stored with the given codec (for generic or custom types).
     *
     * @param stageName unique name
     * @param codec     how to checkpoint its output
     * @param stage     the work
     * @param <N>       the new output type
     * @return this builder, now producing {@code N}
     */
    public <N> PipelineBuilder<I, N> then(String stageName, Codec<N> codec, Stage<? super O, ? extends N> stage) {
        Objects.requireNonNull(codec, "codec");
        return add(stageName, Object.class, codec, stage);
    }

    /**
     * Adds a gate on the last stage's output: FAIL stops the run, WARN continues, INCONCLUSIVE stops.
     *
     * @param gate the gate
     * @return this builder
     */
    public PipelineBuilder<I, O> gate(Gate<? super O> gate) {
        return gate(gate, false);
    }

    /**
     * Adds a gate on the last stage's output.
     *
     * @param gate                  the gate
     * @param proceedOnInconclusive whether an INCONCLUSIVE verdict lets the run continue
     * @return this builder
     */
    @SuppressWarnings("unchecked")
    public PipelineBuilder<I, O> gate(Gate<? super O> gate, boolean proceedOnInconclusive) {
        Objects.requireNonNull(gate, "gate");
        last("a gate").gates.add(new GateStep((Gate<Object>) gate, proceedOnInconclusive));
        return this;
    }

    /**
     * Adds a gate on a value derived from the last stage's output, e.g.
     * {@code .gate("auc", trained -> trained.evaluation(), modelGate)}. The verdict is journaled like any other
     * gate's, under {@code name}; a derivation that throws is a FAIL verdict; FAIL and INCONCLUSIVE stop the run.
     *
     * @param name   the gate's name in verdicts and run records
     * @param derive makes the gated value from the stage output
     * @param gate   the gate
     * @param <T>    the gated type
     * @return this builder
     */
    public <T> PipelineBuilder<I, O> gate(String name, Function<? super O, ? extends T> derive,
            Gate<? super T> gate) {
        Objects.requireNonNull(derive, "derive");
        return derivedGate(name, (value, context) -> derive.apply(value), gate);
    }

    /**
     * Adds a gate on a value derived from the last stage's output and the run, e.g. on an earlier stage's output
     * read by name: {@code .gate("auc", (files, context) -> context.output("evaluate", Evaluated.class), gate)}.
     * The context is the stage's (same run, deadline and cancellation).
     *
     * @param name   the gate's name in verdicts and run records
     * @param derive makes the gated value from the stage output and the context
     * @param gate   the gate
     * @param <T>    the gated type
     * @return this builder
     */
    public <T> PipelineBuilder<I, O> gate(String name, Stage<? super O, ? extends T> derive, Gate<? super T> gate) {
        return derivedGate(name, derive, gate);
    }

    @SuppressWarnings("unchecked")
    private <T> PipelineBuilder<I, O> derivedGate(String name, Stage<? super O, ? extends T> derive,
            Gate<? super T> gate) {
        requireName(name, "gate");
        Objects.requireNonNull(derive, "derive");
        Objects.requireNonNull(gate, "gate");
        Gate<? super T> typed = gate;
        Gate<Object> named = Gate.named(name, value -> typed.evaluate((T) value));
        last("a gate").gates.add(new GateStep(named, false, (Stage<Object, Object>) (Stage<?, ?>) derive, null));
        return this;
    }

    /**
     * Declares an SLO on the gate added last: every run records one event for it, good when the gate's first
     * verdict in that run allows proceeding (PASS or WARN), bad for FAIL or INCONCLUSIVE, e.g. "&ge; 99% of daily
     * batches pass validation". Recorded in the runner's {@code SloRegistry} ({@link PipelineRunner.Builder#slos});
     * a resumed run does not record it again.
     *
     * @param slo a ratio or probe SLO (events are good or bad)
     * @return this builder
     * @throws IllegalStateException    if no gate was added yet
     * @throws IllegalArgumentException for a threshold SLO
     */
    public PipelineBuilder<I, O> gateSlo(Slo slo) {
        requireEventSlo(slo, "gate");
        List<GateStep> gates = last("a gate SLO").gates;
        if (gates.isEmpty()) {
            throw new IllegalStateException("Pipeline '" + name + "': gateSlo(" + slo.name() + ") applies to the "
                    + "gate added last; add a gate with gate() first");
        }
        gates.set(gates.size() - 1, gates.get(gates.size() - 1).withSlo(slo));
        return this;
    }

    /**
     * Declares an SLO on the pipeline's runs: every run records one event, good when it succeeds (within its
     * {@link #runDeadline}, if any), bad when it fails, passes a deadline or is stopped by a gate, e.g. "training
     * completes within 20 minutes in 95% of runs". A cancelled execution records nothing (the run may be resumed);
     * otherwise the first end of a run id is recorded, once. Recorded in the runner's {@code SloRegistry}
     * ({@link PipelineRunner.Builder#slos}).
     *
     * @param slo a ratio or probe SLO (events are good or bad)
     * @return this builder
     * @throws IllegalArgumentException for a threshold SLO
     */
    public PipelineBuilder<I, O> runSlo(Slo slo) {
        runSlo = requireEventSlo(slo, "run");
        return this;
    }

    private Slo requireEventSlo(Slo slo, String what) {
        Objects.requireNonNull(slo, what + " slo");
        if (slo.indicator() instanceof Indicator.Threshold) {
            throw new IllegalArgumentException("Pipeline '" + name + "': the " + what + " SLO '" + slo.name()
                    + "' has a threshold indicator, but " + what + "s are good or bad events; use a ratio or "
                    + "probe SLO");
        }
        return slo;
    }

    /**
     * Sets the retry policy of the last stage (default: {@link RetryPolicy#NONE}).
     *
     * @param policy the policy
     * @return this builder
     */
    public PipelineBuilder<I, O> retry(RetryPolicy policy) {
        last("a retry policy").retry = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Sets the deadline of each attempt of the last stage, measured with the runner's clock.
     *
     * @param deadline a positive duration
     * @return this builder
     */
    public PipelineBuilder<I, O> deadline(Duration deadline) {
        last("a deadline").deadline = requirePositive(deadline, "stage deadline");
        return this;
    }

    /**
     * Sets the deadline of a whole run (of each execution, when resumed), e.g. a training SLO.
     *
     * @param deadline a positive duration
     * @return this builder
     */
    public PipelineBuilder<I, O> runDeadline(Duration deadline) {
        runDeadline = requirePositive(deadline, "run deadline");
        return this;
    }

    /**
     * Adds a parameter, recorded in every run's provenance and visible to stages.
     *
     * @param key   parameter name
     * @param value its value ({@code toString()} is recorded)
     * @return this builder
     */
    public PipelineBuilder<I, O> parameter(String key, Object value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value of parameter " + key);
        parameters.put(key, String.valueOf(value));
        return this;
    }

    /**
     * Registers the codec for a type, used by every stage (and the input) of that exact class.
     *
     * @param type  the class
     * @param codec its codec
     * @param <T>   the type
     * @return this builder
     */
    public <T> PipelineBuilder<I, O> codec(Class<T> type, Codec<T> codec) {
        codecs.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(codec, "codec"));
        return this;
    }

    /**
     * Builds the pipeline, resolving a codec for the input and every stage output.
     *
     * @return the pipeline
     * @throws PipelineDefinitionException if there is no stage, or a type has no codec
     */
    @SuppressWarnings("unchecked")
    public Pipeline<I, O> build() {
        if (stages.isEmpty()) {
            throw new PipelineDefinitionException("Pipeline '" + name + "' has no stage: add one with then()");
        }
        CodecResolver resolver = new CodecResolver(codecs);
        Codec<Object> inputCodec = (Codec<Object>) resolver.resolve(inputType, "The input of pipeline '" + name + "'");
        List<StageDefinition> built = new ArrayList<>();
        for (PendingStage pending : stages) {
            Codec<Object> codec = pending.codec != null ? pending.codec
                    : (Codec<Object>) resolver.resolve(pending.outputType,
                            "The output of stage '" + pending.name + "' in pipeline '" + name + "'");
            built.add(new StageDefinition(pending.name, pending.outputType, codec, pending.stage, pending.retry,
                    pending.deadline, pending.gates));
        }
        List<String> sloNames = new ArrayList<>();
        if (runSlo != null) {
            sloNames.add(runSlo.name());
        }
        built.forEach(stage -> stage.gates().stream().filter(gate -> gate.slo() != null)
                .forEach(gate -> sloNames.add(gate.slo().name())));
        if (sloNames.stream().distinct().count() < sloNames.size()) {
            throw new PipelineDefinitionException("Pipeline '" + name + "' declares SLOs " + sloNames
                    + "; each of its SLOs needs its own name");
        }
        return new Pipeline<>(name, inputType, inputCodec, built, runDeadline, parameters, runSlo);
    }

    @SuppressWarnings("unchecked")
    private <N> PipelineBuilder<I, N> add(String stageName, Class<?> outputType, @Nullable Codec<?> codec,
            Stage<? super O, ? extends N> stage) {
        requireName(stageName, "stage");
        Objects.requireNonNull(stage, "stage");
        if (stages.stream().anyMatch(existing -> existing.name.equals(stageName))) {
            throw new IllegalArgumentException("Pipeline '" + name + "' already has a stage named '" + stageName
                    + "'; stage names must be unique");
        }
        stages.add(new PendingStage(stageName, outputType, (Codec<Object>) codec, (Stage<Object, Object>) stage));
        return (PipelineBuilder<I, N>) this;
    }

    private PendingStage last(String what) {
        if (stages.isEmpty()) {
            throw new IllegalStateException("Pipeline '" + name + "': " + what + " applies to the stage before "
                    + "it; add a stage with then() first");
        }
        return stages.get(stages.size() - 1);
    }

    private static String requireName(String value, String what) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid " + what + " name '" + value
                    + "': use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }

    private static Duration requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
        return duration;
    }

    /** A stage being configured. */
    private static final class PendingStage {
        private final String name;
        private final Class<?> outputType;
        private final @Nullable Codec<Object> codec;
        private final Stage<Object, Object> stage;
        private final List<GateStep> gates = new ArrayList<>();
        private RetryPolicy retry = RetryPolicy.NONE;
        private @Nullable Duration deadline;

        PendingStage(String name, Class<?> outputType, @Nullable Codec<Object> codec, Stage<Object, Object> stage) {
            this.name = name;
            this.outputType = outputType;
            this.codec = codec;
            this.stage = stage;
        }
    }
}
