package io.github.mlhighway.lifecycle.samples.data;

import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.drift.Drift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftOptions;
import io.github.mlhighway.lifecycle.core.data.drift.DriftTest;
import io.github.mlhighway.lifecycle.core.data.quality.Constraints;
import io.github.mlhighway.lifecycle.core.data.quality.DataGate;
import io.github.mlhighway.lifecycle.core.data.schema.Schema;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.policy.Change;
import io.github.mlhighway.lifecycle.samples.weather.WeatherData;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Data checks on a feed: weekly batches of weather observations go through a data gate (schema, completeness,
 * ranges) and a drift test against the training data, and the feed has an SLO of its own: at least 90% of the
 * batches of the last twelve weeks pass. Seattle's 2015 batches pass; from April the feed delivers New York, whose
 * wind has drifted: the batches fail, the feed's budget burns, a ticket alert fires, and once the budget is spent
 * the error-budget policy freezes the releases of models trained on this feed.
 */
public final class DataChecks {

    private static final LocalDate FIRST_BATCH = LocalDate.of(2015, 1, 5);
    private static final LocalDate SWITCH = LocalDate.of(2015, 4, 6);
    private static final LocalDate LAST_MONDAY = LocalDate.of(2015, 7, 1);
    private static final List<String> COLUMNS = List.of("precipitation", "temp_max", "temp_min", "wind");

    private DataChecks() {
    }

    /** @param args none */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the sample.
     *
     * @param out where the story is printed
     * @return one verdict per weekly batch, in order
     */
    public static List<Verdict> run(PrintStream out) {
        WeatherData weather = WeatherData.load();
        Table training = weather.observations("Seattle", LocalDate.of(2012, 1, 1), LocalDate.of(2014, 12, 31))
                .select(COLUMNS.toArray(String[]::new));
        SimulatedClock clock = SimulatedClock.at(FIRST_BATCH.atStartOfDay().toInstant(ZoneOffset.UTC));
        try (Lifecycle lifecycle = Lifecycle.builder().clock(clock).build()) {
            clock.drive(lifecycle);
            SloTracker feed = lifecycle.slo(Slo.ratio("weather-feed.valid-batches").objective(0.9)
                    .rollingWindow(Duration.ofDays(84)).build());
            lifecycle.sreWorkbookPolicy(feed);
            DataGate quality = lifecycle.dataGate("weather-batch")
                    .schema(Schema.infer(training))
                    .expect(Constraints.completeness("wind").mostly(0.99), Constraints.range("wind", 0, 40),
                            Constraints.range("precipitation", 0, 500), Constraints.range("temp_max", -40, 50))
                    .build();
            // Drift on precipitation and wind only: temperatures follow the seasons, so a winter week is far from
            // a year-round reference in any city.
            Gate<Table> driftOf = Drift.gate(training.select("precipitation", "wind"), DriftOptions.builder()
                    .smallReferenceRows(0).threshold(DriftTest.WASSERSTEIN, 0.9).build(), lifecycle.clock());
            Gate<Table> drift = Gate.named("weather-drift",
                    batch -> driftOf.evaluate(batch.select("precipitation", "wind")));
            Gate<Table> batchGate = Gate.allOf("weather-batch", quality, drift);

            List<Verdict> verdicts = new ArrayList<>();
            for (LocalDate monday = FIRST_BATCH; monday.isBefore(LAST_MONDAY); monday = monday.plusWeeks(1)) {
                String city = monday.isBefore(SWITCH) ? "Seattle" : "New York";
                Table batch = weather.observations(city, monday, monday.plusDays(6)).select(COLUMNS.toArray(String[]::new));
                Verdict verdict = batchGate.evaluate(batch);
                feed.record(verdict.allowsProceeding());
                verdicts.add(verdict);
                clock.advance(Duration.ofHours(1));  // the runtime ticks: the batch's event is in the windows
                String alerts = feed.alerts().stream().filter(AlertState::isAlerting)
                        .map(a -> a.severity() + " " + a.tier().id()).toList().toString();
                out.printf("%s %-8s %-12s budget %6.1f%% left, alerts %s%n", monday, city, verdict.outcome(),
                        100 * feed.budget().remainingFraction(), alerts);
                clock.advanceTo(monday.plusWeeks(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            boolean frozen = lifecycle.policy().orElseThrow().decide(Change.release("rain-model-v4")).blocksChange();
            out.println("Release of a model trained on this feed: " + (frozen ? "frozen" : "allowed"));
            return verdicts;
        }
    }
}
