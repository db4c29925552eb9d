package io.github.mlhighway.lifecycle.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A stage reads the run input and earlier stages' outputs by name; asking for anything else is a clear error. */
class StageOutputsTest {

    record Rows(List<Integer> values) {
    }

    record Split(int train, int holdout) {
    }

    private final PipelineFixture fixture = new PipelineFixture();
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicBoolean failOnce = new AtomicBoolean();

    private Pipeline<String, String> pipeline(Function<io.github.mlhighway.lifecycle.pipeline.StageContext, String>
            last) {
        return Pipeline.start("outputs", String.class)
                .then("load", Rows.class, Stage.of(text -> {
                    loads.incrementAndGet();
                    return new Rows(List.of(text.split(",")).stream().map(Integer::valueOf).toList());
                }))
                .then("split", Split.class, Stage.of(rows -> new Split(rows.values().size() - 1, 1)))
                .then("report", String.class, (split, context) -> {
                    if (failOnce.getAndSet(false)) {
                        throw new IllegalStateException("disk full");
                    }
                    return last.apply(context);
                })
                .build();
    }

    @Test
    void aStageReadsTheRunInputAndAnEarlierOutputByName() {
        RunResult<String> run = fixture.runner().run(pipeline(context -> context.runInput(String.class) + " -> "
                + context.output("load", Rows.class).values() + " split " + context.output("split", Split.class)),
                "r1", "1,2,3");

        assertThat(run.outputOrThrow()).isEqualTo("1,2,3 -> [1, 2, 3] split Split[train=2, holdout=1]");
    }

    @Test
    void aResumedStageReadsEarlierOutputsFromTheirCheckpoints() {
        failOnce.set(true);
        Pipeline<String, String> pipeline = pipeline(context -> context.output("load", Rows.class).toString());

        assertThat(fixture.runner().run(pipeline, "r1", "4,5").status()).isEqualTo(RunStatus.FAILED);
        RunResult<String> resumed = fixture.runner().run(pipeline, "r1", "4,5");

        assertThat(resumed.outputOrThrow()).isEqualTo("Rows[values=[4, 5]]");
        assertThat(loads).as("load was not run again").hasValue(1);
    }

    @Test
    void anUnknownStageIsRefusedNamingTheStagesThereAre() {
        RunResult<String> run = fixture.runner().run(pipeline(context -> context.output("lod", Rows.class)
                .toString()), "r1", "1");

        assertThat(run.record().failure().type()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(run.record().failure().message()).isEqualTo("Stage 'report' of run 'r1' asked for the output "
                + "of stage 'lod', but pipeline 'outputs' has no such stage; its stages are [load, split, report]");
    }

    @Test
    void theStageItselfOrALaterOneIsRefused() {
        RunResult<String> run = fixture.runner().run(pipeline(context -> context.output("report", String.class)),
                "r1", "1");

        assertThat(run.record().failure().type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(run.record().failure().message()).isEqualTo("Stage 'report' of run 'r1' cannot read the output"
                + " of stage 'report': it is the stage itself; only the outputs of [load, split] exist by then");
    }

    @Test
    void aWrongTypeIsRefusedNamingTheActualOne() {
        RunResult<String> run = fixture.runner().run(pipeline(context -> context.output("split", Rows.class)
                .toString()), "r1", "1");

        assertThat(run.record().failure().message()).isEqualTo("Stage 'report' asked for the output of stage "
                + "'split' of run 'r1' as " + Rows.class.getName() + ", but it is a " + Split.class.getName());
    }

    @Test
    void theRunInputOfAnotherTypeIsRefused() {
        RunResult<String> run = fixture.runner().run(pipeline(context -> context.runInput(Integer.class)
                .toString()), "r1", "1");

        assertThat(run.record().failure().message()).isEqualTo("Stage 'report' asked for the input of run 'r1' as "
                + "java.lang.Integer, but it is a java.lang.String");
    }
}
