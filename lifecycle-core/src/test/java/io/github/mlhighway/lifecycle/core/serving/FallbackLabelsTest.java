package io.github.mlhighway.lifecycle.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.serving.LabelJudge;
import io.github.mlhighway.lifecycle.serving.LabelStats;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class FallbackLabelsTest {

    private final SimClock clock = SimClock.atDefault();

    /** Answers x, but fails on negative inputs; the fallback answers 0. */
    private GuardedModelBuilder<Integer, Integer> failingOnNegatives() {
        return GuardedModel.<Integer, Integer>builder("labelled").version("v1", x -> {
            if (x < 0) {
                throw new IllegalStateException("negative");
            }
            return x;
        }).clock(clock).fallback(x -> 0).labels(LabelJudge.<Integer>equality(), 1_000, Duration.ofDays(1))
                .trafficPlan(TrafficPlan.single("v1", "canary"));
    }

    @Test
    void aLabelForAFallbackAnswerJoinsAndCountsForTheCohortButNotForTheVersionsAccuracy() {
        GuardedModel<Integer, Integer> model = failingOnNegatives().build();
        assertThat(model.predict("model-answer", 5)).isEqualTo(5);
        assertThat(model.predict("fallback-right", -1)).isZero();
        assertThat(model.predict("fallback-wrong", -2)).isZero();

        assertThat(model.label("model-answer", 5)).isTrue();
        assertThat(model.label("fallback-right", 0)).isTrue();       // lost before: the fallback's answer was not kept
        assertThat(model.label("fallback-wrong", -2)).isTrue();

        LabelStats labels = model.labelStats();
        assertThat(labels.joined()).isEqualTo(3);
        assertThat(labels.correct()).isEqualTo(2);
        assertThat(labels.fallbackJoined()).isEqualTo(2);
        assertThat(labels.fallbackCorrect()).isEqualTo(1);
        assertThat(labels.modelJoined()).isEqualTo(1);
        assertThat(labels.unmatched()).isZero();
        CohortStats canary = model.stats("canary", Duration.ofMinutes(5));
        assertThat(canary.labelled()).isEqualTo(3);                   // what the cohort's users got
        assertThat(canary.incorrect()).isEqualTo(1);
        VersionTrackers v1 = model.versionTrackers("v1");
        assertThat(v1.accuracy().goodEventsRecorded()).isEqualTo(1);  // the version is judged on its own answers
        assertThat(v1.accuracy().badEventsRecorded()).isZero();
        assertThat(v1.availability().badEventsRecorded()).isEqualTo(2);
    }

    @Test
    void fallbackAnswersForAnUnknownVersionOrARejectedCallJoinTheirLabelsToo() throws Exception {
        GuardedModel<Integer, Integer> ghost = failingOnNegatives().trafficPlan(TrafficPlan.single("v9", "ghost"))
                .build();
        assertThat(ghost.predict("to-nowhere", 3)).isZero();
        assertThat(ghost.label("to-nowhere", 0)).isTrue();
        assertThat(ghost.labelStats().fallbackJoined()).isEqualTo(1);
        assertThat(ghost.stats("ghost", Duration.ofMinutes(5)).labelled()).isEqualTo(1);

        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GuardedModel<Integer, Integer> narrow = GuardedModel.<Integer, Integer>builder("narrow").version("v1", x -> {
            entered.countDown();
            GuardedModelTest.await(release);
            return x;
        }).clock(clock).maxConcurrentCalls(1).fallback(x -> 0)
                .labels(LabelJudge.<Integer>equality(), 100, Duration.ofDays(1)).build();
        Thread holder = new Thread(() -> narrow.predict("holder", 1));
        holder.start();
        entered.await();
        assertThat(narrow.predict("rejected", 2)).isZero();
        release.countDown();
        holder.join();
        assertThat(narrow.label("rejected", 2)).isTrue();
        assertThat(narrow.labelStats()).isEqualTo(new LabelStats(1, 0, 0, 0, 1, 0));
    }

    @Test
    void withoutLabelsAFallbackAnswerStoresNothing() {
        GuardedModel<Integer, Integer> model = GuardedModel.<Integer, Integer>builder("plain").version("v1", x -> {
            throw new IllegalStateException("down");
        }).clock(clock).fallback(x -> 0).build();
        assertThat(model.predict("r1", 1)).isZero();
        assertThat(model.labelStats()).isEqualTo(new LabelStats(0, 0, 0, 0));
    }
}
