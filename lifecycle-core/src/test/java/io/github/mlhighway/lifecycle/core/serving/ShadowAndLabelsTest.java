package io.github.mlhighway.lifecycle.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.release.Assignment;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.serving.LabelJudge;
import io.github.mlhighway.lifecycle.serving.OutputComparator;
import io.github.mlhighway.lifecycle.serving.ShadowStats;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class ShadowAndLabelsTest {

    private final SimClock clock = SimClock.atDefault();

    static TrafficPlan shadowing(String primary, String shadow) {
        Assignment only = new Assignment(primary, "baseline");
        return new TrafficPlan() {
            @Override
            public Assignment assign(long keyHash) {
                return only;
            }

            @Override
            public String shadowVersion() {
                return shadow;
            }

            @Override
            public double shadowSampleRate() {
                return 1.0;
            }
        };
    }

    @Test
    void aThrowingShadowDoesNotAffectThePrimaryAndIsCounted() {
        Executor inline = Runnable::run; // the worst case: the shadow runs on the caller's thread
        GuardedModel<Integer, Integer> model = GuardedModel.<Integer, Integer>builder("shadowed")
                .version("v1", x -> x * 2)
                .version("v2", x -> {
                    if (x % 2 == 0) {
                        throw new IllegalStateException("candidate bug");
                    }
                    return x * 2 + (x % 3 == 0 ? 1 : 0);
                }).clock(clock).trafficPlan(shadowing("v1", "v2"))
                .shadow(OutputComparator.<Integer>equality(), inline).build();
        for (int i = 1; i <= 12; i++) {
            assertThat(model.predict("r" + i, i)).isEqualTo(i * 2);
        }
        ShadowStats stats = model.shadowStats();
        assertThat(stats.mirrored()).isEqualTo(12);
        assertThat(stats.shadowErrors()).isEqualTo(6);
        assertThat(stats.disagreements()).isEqualTo(2); // 3 and 9
        assertThat(stats.agreements()).isEqualTo(4);
        assertThat(model.stats("baseline", Duration.ofHours(1)).errors()).isZero();
        assertThat(model.stats(GuardedModel.SHADOW_COHORT, Duration.ofHours(1)).errors()).isEqualTo(6);
    }

    @Test
    void aHangingShadowFillsItsQueueAndFurtherMirrorsAreDroppedWhileThePrimaryAnswers() {
        CountDownLatch never = new CountDownLatch(1);
        try (GuardedModel<Integer, Integer> model = GuardedModel.<Integer, Integer>builder("hanging")
                .version("v1", x -> x).version("v2", x -> {
                    GuardedModelTest.await(never);
                    return x;
                }).clock(clock).trafficPlan(shadowing("v1", "v2"))
                .shadow(OutputComparator.tolerance(0.1)).shadowExecutorSize(1, 2).build()) {
            for (int i = 0; i < 50; i++) {
                assertThat(model.predict("r" + i, i)).isEqualTo(i);
            }
            ShadowStats stats = model.shadowStats();
            assertThat(stats.mirrored()).isBetween(1L, 3L);
            assertThat(stats.mirrored() + stats.dropped()).isEqualTo(50);
            assertThat(model.stats("baseline", Duration.ofHours(1)).requests()).isEqualTo(50);
        } finally {
            never.countDown();
        }
    }

    @Test
    void topKAgreementComparesTheSetsOfBestClasses() {
        OutputComparator<double[]> top2 = OutputComparator.topK(2);
        assertThat(top2.agree(new double[] {0.5, 0.3, 0.2}, new double[] {0.3, 0.6, 0.1})).isTrue();
        assertThat(top2.agree(new double[] {0.5, 0.3, 0.2}, new double[] {0.3, 0.1, 0.6})).isFalse();
    }

    private GuardedModel<Integer, Integer> labelled() {
        return GuardedModel.<Integer, Integer>builder("labelled").version("v1", x -> x % 4 == 0 ? -1 : x)
                .clock(clock).labels(LabelJudge.<Integer>equality(), 1_000, Duration.ofDays(1))
                .trafficPlan(TrafficPlan.single("v1", "baseline")).build();
    }

    @Test
    void labelsJoinTheirPredictionsInAnyOrderAndFeedTheQualitySli() {
        GuardedModel<Integer, Integer> model = labelled();
        for (int i = 1; i <= 8; i++) {
            model.predict("r" + i, i);
        }
        clock.advance(Duration.ofHours(3));
        for (int i = 8; i >= 1; i--) {
            assertThat(model.label("r" + i, i)).isTrue();
        }
        assertThat(model.labelStats().joined()).isEqualTo(8);
        assertThat(model.labelStats().incorrect()).isEqualTo(2);
        assertThat(model.stats("baseline", Duration.ofHours(1)).labelled()).isEqualTo(8);
        assertThat(model.stats("baseline", Duration.ofHours(1)).incorrect()).isEqualTo(2);
        // 6 of 8 correct = 0.75 >= 0.7: the hour slice is good once it closes
        model.slos().tick(); // as a ticker would, before time moves on
        clock.advance(Duration.ofHours(1));
        ErrorBudget budget = model.slos().tracker(model.versionSloName("v1", "accuracy")).budget();
        assertThat(budget.eligible()).isPositive();
        assertThat(budget.bad()).isZero();
    }

    @Test
    void aBadHourOfLabelsBurnsTheQualityBudget() {
        GuardedModel<Integer, Integer> model = labelled();
        for (int i = 1; i <= 10; i++) {
            model.predict("r" + i, i);
            model.label("r" + i, -7); // everything wrong
        }
        model.slos().tick();
        clock.advance(Duration.ofHours(1));
        ErrorBudget budget = model.slos().tracker(model.versionSloName("v1", "accuracy")).budget();
        assertThat(budget.bad()).isEqualTo(1.0);
    }

    @Test
    void unknownExpiredAndDuplicateLabelsAreCountedNotFatal() {
        GuardedModel<Integer, Integer> model = labelled();
        model.predict("r1", 1);
        model.predict("r2", 2);
        assertThat(model.label("nobody", 1)).isFalse();
        assertThat(model.label("r1", 1)).isTrue();
        assertThat(model.label("r1", 1)).isFalse();
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        model.tick();
        assertThat(model.label("r2", 2)).isFalse();
        assertThat(model.labelStats().unmatched()).isEqualTo(2);
        assertThat(model.labelStats().duplicates()).isEqualTo(1);
        assertThat(model.labelStats().joined()).isEqualTo(1);
    }
}
