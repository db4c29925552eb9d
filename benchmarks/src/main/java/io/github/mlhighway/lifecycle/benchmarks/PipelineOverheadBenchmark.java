package io.github.mlhighway.lifecycle.benchmarks;

import io.github.mlhighway.lifecycle.core.pipeline.Pipeline;
import io.github.mlhighway.lifecycle.core.pipeline.PipelineBuilder;
import io.github.mlhighway.lifecycle.core.pipeline.PipelineRunner;
import io.github.mlhighway.lifecycle.core.pipeline.RunResult;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Orchestration overhead per stage: a pipeline of {@value #STAGES} no-op stages, each of which returns a small
 * record, run start to finish under a fresh run id per invocation. Scores are per stage
 * ({@code @OperationsPerInvocation(STAGES)}), so a whole run costs {@value #STAGES} times the score.
 * <ul>
 *   <li>{@code direct}: the baseline, the same {@value #STAGES} functions called one after the other;</li>
 *   <li>{@code inMemoryStore}: {@link PipelineRunner#run} on {@link Stores#inMemory}: what the runner itself costs
 *       (JSON encoding and SHA-256 of every output, the run record re-serialised after every step, the store's
 *       JSON canonicalisation), with no I/O;</li>
 *   <li>{@code directoryStore}: the same on {@link Stores#directory} in a temporary directory: every checkpoint
 *       is a temp file, an fsync, an atomic rename and a directory fsync, so this one measures the disk;</li>
 *   <li>{@code fsyncFloor}: the disk floor of {@code directoryStore} without any of Lifecycle: the same number of
 *       atomic file replacements a run does ({@value #WRITES_PER_RUN}: the run record when the run starts, before
 *       and after every stage, and at the end, plus one output per stage), with payloads of the same size
 *       ({@value #RECORD_BYTES} bytes for a record, {@value #OUTPUT_BYTES} for an output), each one temp file,
 *       write, fsync, rename and directory fsync, as {@code DirectoryStore} does; no JSON, no lock.</li>
 * </ul>
 * Each store is created fresh for every iteration (and the directory deleted after it), so neither the in-memory
 * map nor the directory grows across the whole trial. No listener is registered, as events are built only when
 * someone listens.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PipelineOverheadBenchmark {

    /** The number of stages in the pipeline. */
    public static final int STAGES = 10;
    /** Atomic file writes per run on the directory store: 2 + 3 per stage. */
    public static final int WRITES_PER_RUN = 2 + 3 * STAGES;
    /** The assumed mean size of the run record document: its final size for 10 stages is 7.4 KB (measured). */
    public static final int RECORD_BYTES = 4096;
    /** The size of one stage output document (594 bytes, measured). */
    public static final int OUTPUT_BYTES = 600;

    /**
     * The small record every stage passes on.
     *
     * @param step  how many stages have run
     * @param label a short text
     */
    public record Step(int step, String label) {
    }

    private final Clock clock = Clock.systemUTC();
    private Function<Step, Step>[] functions;
    private Pipeline<Step, Step> pipeline;
    private PipelineRunner inMemoryRunner;
    private PipelineRunner directoryRunner;
    private Path directory;
    private Step input;
    private Path floorDirectory;
    private final ByteBuffer record = ByteBuffer.allocate(RECORD_BYTES);
    private final ByteBuffer output = ByteBuffer.allocate(OUTPUT_BYTES);
    private long runs;

    /** Builds the stage functions and the pipeline once. */
    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUpTrial() {
        functions = new Function[STAGES];
        PipelineBuilder<Step, Step> builder = Pipeline.start("overhead", Step.class);
        for (int i = 0; i < STAGES; i++) {
            functions[i] = previous -> new Step(previous.step() + 1, "ok");
            builder = builder.then("stage-" + i, Step.class, Stage.of(functions[i]));
        }
        pipeline = builder.build();
        input = new Step(0, "start");
    }

    /**
     * A fresh in-memory store and a fresh store directory for every iteration.
     *
     * @throws IOException if the temporary directory cannot be created
     */
    @Setup(Level.Iteration)
    public void setUpIteration() throws IOException {
        inMemoryRunner = PipelineRunner.builder(Stores.inMemory(clock)).clock(clock).build();
        directory = Files.createTempDirectory("lifecycle-pipeline-bench");
        directoryRunner = PipelineRunner.builder(Stores.directory(directory, clock)).clock(clock).build();
        floorDirectory = Files.createDirectories(directory.resolve("floor"));
    }

    /** Deletes the iteration's store directory (outside the measurement). */
    @TearDown(Level.Iteration)
    public void tearDownIteration() {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the last output; the ten functions called directly */
    @Benchmark
    @OperationsPerInvocation(STAGES)
    public Step direct() {
        Step value = input;
        for (Function<Step, Step> function : functions) {
            value = function.apply(value);
        }
        return value;
    }

    /** @return the run's output; one run on the in-memory store */
    @Benchmark
    @OperationsPerInvocation(STAGES)
    public Step inMemoryStore() {
        return run(inMemoryRunner);
    }

    /** @return the run's output; one run on the directory store, fsync per checkpoint */
    @Benchmark
    @OperationsPerInvocation(STAGES)
    public Step directoryStore() {
        return run(directoryRunner);
    }

    /**
     * @return the number of files written
     * @throws IOException if a file cannot be written
     */
    @Benchmark
    @OperationsPerInvocation(STAGES)
    public int fsyncFloor() throws IOException {
        long run = ++runs;
        int writes = 0;
        writeAtomically("run-" + run + ".json", record);
        writes++;
        for (int stage = 0; stage < STAGES; stage++) {
            writeAtomically("run-" + run + ".json", record);
            writeAtomically("run-" + run + "-s" + stage + ".json", output);
            writeAtomically("run-" + run + ".json", record);
            writes += 3;
        }
        writeAtomically("run-" + run + ".json", record);
        return writes + 1;
    }

    private void writeAtomically(String name, ByteBuffer content) throws IOException {
        Path temp = Files.createTempFile(floorDirectory, ".", ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = content.duplicate().clear();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, floorDirectory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel channel = FileChannel.open(floorDirectory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private Step run(PipelineRunner runner) {
        RunResult<Step> result = runner.run(pipeline, "run-" + (++runs), input);
        if (result.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("run " + runs + " ended " + result.status());
        }
        return result.outputOrThrow();
    }
}
