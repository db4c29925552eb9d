package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.core.lineage.CodeVersion;
import io.github.mlhighway.lifecycle.core.lineage.RuntimeEnvironment;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.store.StoreNames;
import io.github.mlhighway.lifecycle.pipeline.PipelineException;
import io.github.mlhighway.lifecycle.pipeline.PipelineListener;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Runs pipelines durably against a {@link Store}. Each completed stage's output is checkpointed before the run
 * record marks it complete, so running the same run id again (after a failure, a cancellation or a kill -9)
 * restores completed stages from their checkpoints, without running them, and continues with the first
 * incomplete one. A run that already succeeded returns its stored record and output without running anything.
 *
 * <p>Thread-safe: runs of different run ids may proceed on different threads; two runners of one run id at
 * once are detected by compare-and-set on the run record, and the later one stops with a
 * {@link PipelineException}.
 *
 * <p>With {@link Builder#slos(SloRegistry)}, the SLOs a pipeline declares ({@link PipelineBuilder#runSlo},
 * {@link PipelineBuilder#gateSlo}) are registered there on first use and every run records its events once per
 * run id, so pipelines burn error budgets and alert like served models.
 *
 * @since 0.1
 */
public final class PipelineRunner {

    /** Run ids are store keys of at most this many characters (room is left for output keys). */
    public static final int MAX_RUN_ID_LENGTH = 100;

    private final Store store;
    private final Clock clock;
    private final Random random;
    private final Sleeper sleeper;
    private final List<PipelineListener> listeners;
    private final CodeVersion codeVersion;
    private final Map<String, String> environment;
    private final @Nullable SloRegistry slos;

    private PipelineRunner(Builder builder) {
        this.store = builder.store;
        this.clock = builder.clock;
        this.random = builder.random;
        this.sleeper = builder.sleeper;
        this.listeners = List.copyOf(builder.listeners);
        this.codeVersion = builder.codeVersion != null ? builder.codeVersion
                : CodeVersion.detect(Path.of("").toAbsolutePath(), PipelineRunner.class);
        this.environment = builder.environment != null ? builder.environment : RuntimeEnvironment.capture();
        this.slos = builder.slos;
    }

    /**
     * Starts configuring a runner.
     *
     * @param store where run records and checkpoints live
     * @return the builder
     */
    public static Builder builder(Store store) {
        return new Builder(store);
    }

    /**
     * Runs (or resumes) a pipeline.
     *
     * @param pipeline the pipeline
     * @param runId    the run id: 1 to 100 letters, digits, {@code . _ -}; the same id resumes the same run
     * @param input    the run input; must be the same input when resuming
     * @param <I>      input type
     * @param <O>      output type
     * @return the record and, when succeeded, the output
     * @throws PipelineException if the run id belongs to another pipeline or input, or was changed by another
     *                           runner meanwhile
     */
    public <I, O> RunResult<O> run(Pipeline<I, O> pipeline, String runId, I input) {
        return run(pipeline, runId, input, new Cancellation());
    }

    /**
     * Runs (or resumes) a pipeline that can be cancelled from another thread.
     *
     * @param pipeline     the pipeline
     * @param runId        the run id
     * @param input        the run input
     * @param cancellation cancel it to stop the run at the running stage's next check
     * @param <I>          input type
     * @param <O>          output type
     * @return the record and, when succeeded, the output
     */
    @SuppressWarnings("unchecked")
    public <I, O> RunResult<O> run(Pipeline<I, O> pipeline, String runId, I input, Cancellation cancellation) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(cancellation, "cancellation");
        StoreNames.requireValid(runId, "run id");
        if (runId.length() > MAX_RUN_ID_LENGTH) {
            throw new IllegalArgumentException("Run id '" + runId + "' is longer than " + MAX_RUN_ID_LENGTH
                    + " characters");
        }
        RunnerSettings settings = new RunnerSettings(clock, random, sleeper, new Events(listeners), codeVersion,
                environment, slos);
        if (slos != null) {
            pipeline.slos().forEach(slo -> SliJournal.tracker(slos, slo));
        }
        RunExecution execution = new RunExecution(pipeline, runId, new RunStore(store, runId), settings,
                cancellation, new SliJournal(store, runId, slos));
        return (RunResult<O>) execution.run(input);
    }

    /** Configures a {@link PipelineRunner}; every setting has a default but the store. */
    public static final class Builder {
        private final Store store;
        private Clock clock = Clock.systemUTC();
        private Random random = new Random();
        private Sleeper sleeper = Sleeper.THREAD;
        private final List<PipelineListener> listeners = new ArrayList<>();
        private @Nullable CodeVersion codeVersion;
        private @Nullable Map<String, String> environment;
        private @Nullable SloRegistry slos;

        private Builder(Store store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * @param clock time for deadlines, durations and records (default: system UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param random jitter for retries; seed it for reproducible delays (default: unseeded)
         * @return this builder
         */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * @param sleeper how to wait between retries (default: {@link Sleeper#THREAD})
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @param listener receives every event of every run; its exceptions are logged and ignored
         * @return this builder
         */
        public Builder listener(PipelineListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @param version the code version to record (default: detected from git, else the jar manifest)
         * @return this builder
         */
        public Builder codeVersion(CodeVersion version) {
            this.codeVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * @param entries the environment to record (default: {@link RuntimeEnvironment#capture()})
         * @return this builder
         */
        public Builder environment(Map<String, String> entries) {
            this.environment = Map.copyOf(Objects.requireNonNull(entries, "entries"));
            return this;
        }

        /**
         * @param registry where the SLOs that pipelines declare are registered (on first use) and their events
         *                 recorded (default: none, so pipeline SLOs are not recorded)
         * @return this builder
         */
        public Builder slos(SloRegistry registry) {
            this.slos = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** @return the runner */
        public PipelineRunner build() {
            return new PipelineRunner(this);
        }
    }
}
