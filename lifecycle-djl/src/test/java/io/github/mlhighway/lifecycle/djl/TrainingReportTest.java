package io.github.mlhighway.lifecycle.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class TrainingReportTest {

    private static final SeattleRain DATA = SeattleRain.load();
    private static final int BATCH = 256;
    private static final int BATCHES = (DATA.trainY.length + BATCH - 1) / BATCH;

    /** Every read is one millisecond later, so every batch takes exactly 1 ms (two reads per batch). */
    private static LongSupplier millisecondPerRead() {
        AtomicLong nanos = new AtomicLong();
        return () -> nanos.addAndGet(1_000_000);
    }

    private static DjlTrainer.Builder trainer() {
        return DjlTrainer.builder(() -> DjlTrainer.mlp(8)).epochs(3).batchSize(BATCH).seed(5)
                .nanoTime(millisecondPerRead());
    }

    @Test
    void the_report_holds_loss_time_and_throughput_per_epoch_measured_with_the_injected_nano_time() {
        try (TrainedDjlModel model = trainer().build().train(DATA.trainX, DATA.trainY)) {
            TrainingReport report = model.report().orElseThrow();

            assertThat(report.epochs()).isEqualTo(3);
            assertThat(report.epochsCompleted()).isEqualTo(3);
            assertThat(report.steps()).isEqualTo(3L * BATCHES);
            assertThat(report.stoppedEarly()).isFalse();
            assertThat(report.resumed()).isFalse();
            assertThat(report.epochReports()).extracting(EpochReport::epoch).containsExactly(1, 2, 3);
            double epochSeconds = (2.0 * BATCHES + 1) / 1000;
            for (EpochReport epoch : report.epochReports()) {
                assertThat(epoch.rows()).isEqualTo(DATA.trainY.length);
                assertThat(epoch.meanLoss()).isFinite().isPositive();
                assertThat(epoch.meanBatchMillis()).isEqualTo(1.0);
                assertThat(epoch.maxBatchMillis()).isEqualTo(1.0);
                assertThat(epoch.seconds()).isCloseTo(epochSeconds, within(1e-9));
                assertThat(epoch.samplesPerSecond()).isCloseTo(DATA.trainY.length / epochSeconds, within(1e-6));
            }
            assertThat(report.batchMillisP50()).isEqualTo(1.0);
            assertThat(report.batchMillisP95()).isEqualTo(1.0);
            assertThat(report.batchMillisMax()).isEqualTo(1.0);
            assertThat(report.epochLosses()).isEqualTo(model.epochLosses());
            assertThat(report.finalLoss()).isLessThan(report.epochLosses().get(0));
        }
    }

    @Test
    void batch_times_and_the_training_time_are_recorded_into_threshold_slos() {
        SloTracker batchTime = SloTracker.create(Slo.threshold("train.batch-ms", Operator.LTE, 0.5)
                .objective(0.9).build(), TestClock.create());
        SloTracker trainingTime = SloTracker.create(Slo.threshold("train.seconds", Operator.LTE, 60)
                .objective(0.9).build(), TestClock.create());

        try (TrainedDjlModel model = trainer().batchTimeSlo(batchTime).trainingTimeSlo(trainingTime).build()
                .train(DATA.trainX, DATA.trainY)) {
            assertThat(batchTime.badEventsRecorded()).isEqualTo(model.report().orElseThrow().steps());
            assertThat(batchTime.goodEventsRecorded()).isZero();
            assertThat(trainingTime.goodEventsRecorded()).isEqualTo(1);
            assertThat(trainingTime.badEventsRecorded()).isZero();
        }
    }

    @Test
    void progress_prints_one_line_per_epoch_to_the_given_stream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (TrainedDjlModel model = trainer().progress(new PrintStream(out, true, StandardCharsets.UTF_8)).build()
                .train(DATA.trainX, DATA.trainY)) {
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(3);
            assertThat(lines[0]).startsWith("epoch 1/3  loss ").contains(" samples/s  elapsed ").endsWith(" s");
            assertThat(lines[2]).startsWith("epoch 3/3  loss " + String.format(java.util.Locale.ROOT, "%.4f",
                    model.epochLosses().get(2)));
        }
    }

    @Test
    void the_builder_rejects_bad_values_at_once_naming_them() {
        SloTracker ratio = SloTracker.create(Slo.ratio("train.ok").objective(0.9).build(),
                TestClock.create());

        assertThatThrownBy(() -> trainer().checkpointEverySteps(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> trainer().batchTimeSlo(ratio))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("train.ok");
        assertThatThrownBy(() -> TrainingData.of(new float[][] {{1f}}, new float[] {2f}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2.0");
    }
}
