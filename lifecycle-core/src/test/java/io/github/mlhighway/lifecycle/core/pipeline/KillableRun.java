package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The child JVM of {@link KillNineTest}: runs a pipeline whose "train" stage signals, then waits to be killed. */
public final class KillableRun {

    private KillableRun() {
    }

    static Pipeline<String, String> pipeline(Path trainingStarted, AtomicInteger loads) {
        return Pipeline.start("killable", String.class)
                .then("load", String.class, Stage.of(text -> {
                    loads.incrementAndGet();
                    return text.toUpperCase(java.util.Locale.ROOT);
                }))
                .then("train", String.class, (text, context) -> {
                    if (trainingStarted != null) {
                        Files.writeString(trainingStarted, "training");
                        Thread.sleep(60_000);
                    }
                    return "model of " + text;
                })
                .build();
    }

    /**
     * Runs the pipeline; killed during "train".
     *
     * @param args store directory, run id, marker file written when training starts
     * @throws Exception never expected
     */
    public static void main(String[] args) throws Exception {
        PipelineRunner runner = PipelineRunner.builder(Stores.directory(Path.of(args[0]))).build();
        runner.run(pipeline(Path.of(args[2]), new AtomicInteger()), args[1], "weather");
    }
}
