package io.github.mlhighway.lifecycle.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README example: a pipeline is interrupted at its third stage and resumes where it stopped. */
class PipelineReadmeExampleTest {

    record Numbers(List<Double> values) {
    }

    record Model(double mean) {
    }

    record Evaluation(double meanAbsoluteError) {
    }

    @TempDir
    Path directory;

    @Test
    void aRunInterruptedAtTheThirdStageResumesAfterTheLastCompletedOne() throws Exception {
        Path data = Files.writeString(directory.resolve("numbers.txt"), "3\n5\n4\n6\n");
        AtomicBoolean powerCut = new AtomicBoolean(true);   // the first "train" is interrupted

        Gate<Numbers> enoughRows = Gate.named("enough-rows", numbers -> Verdict.fromFindings("enough-rows",
                List.of(Finding.of("rows", numbers.values().size() >= 3 ? Outcome.PASS : Outcome.FAIL,
                        numbers.values().size(), 3, "rows loaded")), Clock.systemUTC().instant()));

        Pipeline<Path, Evaluation> pipeline = Pipeline.start("mean-model", Path.class)
                .then("load", Numbers.class, Stage.of(path -> new Numbers(readNumbers(path))))
                .gate(enoughRows)
                .then("train", Model.class, (numbers, context) -> {
                    if (powerCut.getAndSet(false)) {
                        throw new IllegalStateException("power cut");
                    }
                    context.checkCancelled();
                    return new Model(numbers.values().stream().mapToDouble(x -> x).average().orElseThrow());
                })
                .deadline(Duration.ofMinutes(20))
                .then("evaluate", Evaluation.class, (model, context) -> new Evaluation(1.0))
                .build();

        Store store = Stores.directory(directory.resolve("lifecycle-data"));
        PipelineRunner runner = PipelineRunner.builder(store)
                .listener(event -> System.out.println(event.getClass().getSimpleName() + " " + event))
                .build();

        RunResult<Evaluation> interrupted = runner.run(pipeline, "run-1", data);
        System.out.println("first try: " + interrupted.status() + " " + interrupted.record().failure());

        RunResult<Evaluation> resumed = runner.run(pipeline, "run-1", data);   // same id: resumes after "load"
        System.out.println("resumed:   " + resumed.status() + " " + resumed.outputOrThrow());

        assertThat(interrupted.status()).isEqualTo(RunStatus.FAILED);
        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(resumed.record().stage("load").orElseThrow().attempts()).isEqualTo(1);
        assertThat(resumed.record().stage("train").orElseThrow().attempts()).isEqualTo(2);
        assertThat(resumed.record().provenance().inputDigests()).containsKey("file:numbers.txt");
    }

    private static List<Double> readNumbers(Path path) {
        try {
            return Files.readAllLines(path).stream().map(Double::valueOf).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
