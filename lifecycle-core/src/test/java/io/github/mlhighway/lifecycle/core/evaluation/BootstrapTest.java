package io.github.mlhighway.lifecycle.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.evaluation.internal.Resampler;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.evaluation.ConfidenceInterval;
import io.github.mlhighway.lifecycle.evaluation.Evaluation;
import io.github.mlhighway.lifecycle.evaluation.MetricValue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bootstrap intervals are reproducible from the seed, stratified, and bracket the point estimate. */
class BootstrapTest {

    static BinaryData noisyClassifier(int rows, long seed) {
        Random random = new Random(seed);
        int[] labels = new int[rows];
        double[] p = new double[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextDouble() < 0.3 ? 1 : 0;
            double logit = (labels[i] == 1 ? 1.0 : -1.0) + random.nextGaussian();
            p[i] = 1 / (1 + Math.exp(-logit));
        }
        return BinaryData.of(labels, p);
    }

    @Test
    void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
        BinaryData data = noisyClassifier(300, 1);
        Evaluation first = Evaluator.binary().resamples(200).seed(7).build().evaluate(data);
        Evaluation again = Evaluator.binary().resamples(200).seed(7).build().evaluate(data);
        Evaluation other = Evaluator.binary().resamples(200).seed(8).build().evaluate(data);

        assertThat(Json.write(again)).isEqualTo(Json.write(first));
        assertThat(other.metric("auc").orElseThrow().interval())
                .isNotEqualTo(first.metric("auc").orElseThrow().interval());
    }

    @Test
    void anIntervalBracketsThePointEstimateAndNarrowsWithMoreRows() {
        MetricValue small = Evaluator.binary().resamples(300).build().evaluate(noisyClassifier(200, 2))
                .metric("auc").orElseThrow();
        MetricValue large = Evaluator.binary().resamples(300).build().evaluate(noisyClassifier(3200, 2))
                .metric("auc").orElseThrow();

        ConfidenceInterval interval = small.interval();
        assertThat(interval.low()).isLessThan(small.value());
        assertThat(interval.high()).isGreaterThan(small.value());
        assertThat(interval.level()).isEqualTo(0.95);
        assertThat(interval.resamples()).isEqualTo(300);
        double smallWidth = interval.high() - interval.low();
        double largeWidth = large.interval().high() - large.interval().low();
        // The width shrinks like 1 / sqrt(n): 16 times the rows, about a quarter of the width.
        assertThat(largeWidth).isBetween(smallWidth / 6, smallWidth / 2.5);
    }

    @Test
    void stratifiedResamplesKeepEveryClassSoAucAlwaysHasAnInterval() {
        // One positive among 40 rows: without stratification a third of resamples would miss it.
        int[] labels = new int[40];
        double[] p = new double[40];
        labels[0] = 1;
        for (int i = 0; i < 40; i++) {
            p[i] = i / 40.0;
        }
        Evaluation stratified = Evaluator.binary().resamples(100).build().evaluate(BinaryData.of(labels, p));
        Evaluation plain = Evaluator.binary().resamples(100).stratified(false).build()
                .evaluate(BinaryData.of(labels, p));

        assertThat(stratified.metric("auc").orElseThrow().interval()).isNotNull();
        MetricValue unstratified = plain.metric("auc").orElseThrow();
        assertThat(unstratified.interval()).isNull();
        assertThat(unstratified.note()).startsWith("no interval: undefined on ").endsWith(" of 100 resamples");
    }

    @Test
    void theResamplerDrawsEachStratumToItsOwnSize() {
        BinaryData data = BinaryData.of(new int[] {1, 0, 0, 0, 1}, new double[] {0.1, 0.2, 0.3, 0.4, 0.5});
        Resampler resampler = new Resampler(data, SliceKeys.all(5), true, 3);
        int[] weights = new int[5];
        for (int b = 0; b < 50; b++) {
            resampler.next(weights);
            assertThat(weights[0] + weights[4]).isEqualTo(2);
            assertThat(weights[1] + weights[2] + weights[3]).isEqualTo(3);
        }
    }
}
