package io.github.mlhighway.lifecycle.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OnlineDriftTest {

    private final SimClock clock = SimClock.atDefault();

    @Test
    void driftEventsFireWhenTheInputDistributionShifts() {
        Random random = new Random(7);
        List<Map<String, ?>> training = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            training.add(Map.of("temperature", 15 + 5 * random.nextGaussian()));
        }
        DatasetProfile reference = Profiles.ofMaps(training);
        List<DriftEvent> events = new ArrayList<>();
        GuardedModel<Double, Double> model = GuardedModel.<Double, Double>builder("weather")
                .version("v1", t -> t / 10).clock(clock)
                .driftMonitor(DriftSettings.<Double, Double>of(reference, t -> Map.of("temperature", t))
                        .window(Duration.ofHours(1)))
                .onDrift(events::add).build();

        for (int i = 0; i < 400; i++) {
            model.predict("a" + i, 15 + 5 * random.nextGaussian());
        }
        clock.advance(Duration.ofHours(1));
        model.tick();
        for (int i = 0; i < 400; i++) {
            model.predict("b" + i, 30 + 5 * random.nextGaussian()); // a heat wave
        }
        clock.advance(Duration.ofHours(1));
        model.tick();

        assertThat(events).hasSize(2);
        assertThat(events.get(0).drifted()).as(events.get(0).report().message()).isFalse();
        assertThat(events.get(1).drifted()).as(events.get(1).report().message()).isTrue();
        assertThat(events.get(1).rows()).isEqualTo(400);
        assertThat(events.get(1).windowEnd()).isEqualTo(events.get(1).windowStart().plus(Duration.ofHours(1)));
    }

    @Test
    void windowsWithTooFewRowsAreNotTested() {
        DatasetProfile reference = Profiles.ofMaps(List.of(Map.of("x", 1.0), Map.of("x", 2.0)));
        List<DriftEvent> events = new ArrayList<>();
        GuardedModel<Double, Double> model = GuardedModel.<Double, Double>builder("quiet").version("v1", x -> x)
                .clock(clock).driftMonitor(DriftSettings.<Double, Double>of(reference, x -> Map.of("x", x)))
                .onDrift(events::add).build();
        model.predict("r", 1.0);
        clock.advance(Duration.ofHours(2));
        model.tick();
        assertThat(events).isEmpty();
    }
}
