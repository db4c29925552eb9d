package io.github.mlhighway.lifecycle.core.slo.openslo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.slo.BudgetingMethod;
import io.github.mlhighway.lifecycle.slo.CalendarUnit;
import io.github.mlhighway.lifecycle.slo.Indicator;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.slo.TimeWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSloExamplesTest {

    /** The OpenSLO specification's Timeslices examples put op on a ratio objective, which the OpenSLO SDK forbids. */
    private static final List<String> RATIO_OP = List.of("openslo--budgeting-method--ratio-timeslices.yaml",
            "openslo--budgeting-method--timeslices-slo.yaml",
            "openslo--treat-low-traffic-as-equally-important--timeslices-slo.yaml");

    private static OpenSloConversion load(String file) {
        Path path = SharedExamples.folder().resolve(file);
        if (RATIO_OP.contains(file)) {
            try {
                String text = Files.readString(path).replace("      op: gt\n", "");
                return new OpenSloConverter().convert(new OpenSloReader().read(text, file + " without op"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return OpenSlo.load(List.of(path));
    }

    @Test
    void everyExampleSpecLoadsIntoAtLeastOneSlo() {
        List<Path> specs = SharedExamples.specs();
        assertThat(specs).hasSizeGreaterThanOrEqualTo(6);
        for (Path spec : specs) {
            assertThat(load(spec.getFileName().toString()).slos()).as(spec.toString()).isNotEmpty();
        }
    }

    @Test
    void theSpecificationsTimeslicesExamplesAreRefusedForOpOnARatioObjectiveAsTheSdkRefusesThem() {
        for (String file : RATIO_OP) {
            assertThatThrownBy(() -> OpenSlo.load(List.of(SharedExamples.folder().resolve(file))))
                    .as(file).isInstanceOf(SloSpecException.class)
                    .satisfies(e -> assertThat(((SloSpecException) e).problems())
                            .extracting(SloSpecException.Problem::path).containsOnly("spec.objectives[0].op"));
        }
    }

    @Test
    void everyExampleSpecWritesBackToAnEqualModel() {
        OpenSloReader reader = new OpenSloReader();
        OpenSloWriter writer = new OpenSloWriter();
        for (Path spec : SharedExamples.specs()) {
            if (RATIO_OP.contains(spec.getFileName().toString())) {
                continue;
            }
            OpenSloFile read = reader.read(spec);
            OpenSloFile reread = reader.read(writer.write(read.documents()), "written " + spec.getFileName());
            assertThat(reread.documents()).as(spec.toString()).isEqualTo(read.documents());
        }
    }

    @Test
    void slothsGettingStartedIsAThirtyDayRatioSloCountingGoodRequests() {
        Slo slo = load("sloth--openslo-getting-started.yml").slos().get(0);

        assertThat(slo.name()).isEqualTo("sloth-slo-my-service");
        assertThat(slo.service()).isEqualTo("my-service");
        assertThat(slo.objective()).isEqualTo(0.999);
        assertThat(slo.window()).isEqualTo(TimeWindow.rolling(Duration.ofDays(30)));
        Indicator.Ratio ratio = (Indicator.Ratio) slo.indicator();
        assertThat(ratio.counting()).isEqualTo(Indicator.Counting.GOOD);
        assertThat(ratio.counted().query()).contains("code!~\"(5..|429)\"", "{{.window}}");
        assertThat(ratio.total().type()).isEqualTo("prometheus");
        assertThat(slo.alerting().tiers()).extracting(tier -> tier.factor())
                .containsExactly(14.4, 6.0, 1.0);
    }

    @Test
    void aDocumentWithTwoObjectivesBecomesTwoIndexedSlos() {
        List<Slo> slos = load("sloth--openslo-kubernetes-apiserver.yml").slos();

        assertThat(slos).extracting(Slo::name).containsExactly("requests-availability-openslo",
                "requests-latency-openslo-0", "requests-latency-openslo-1");
        assertThat(slos).extracting(Slo::objective).containsExactly(0.999, 0.99, 0.999);
    }

    @Test
    void theThresholdExampleComparesLatencyWithItsValue() {
        Slo slo = load("openslo--budgeting-method--occurences-slo.yaml").slos().get(0);

        Indicator.Threshold threshold = (Indicator.Threshold) slo.indicator();
        assertThat(threshold.name()).isEqualTo("search-latency");
        assertThat(threshold.operator()).isEqualTo(Operator.LT);
        assertThat(threshold.threshold()).isEqualTo(500.0);
        assertThat(slo.window()).isEqualTo(TimeWindow.rolling(Duration.ofDays(14)));
        assertThat(slo.displayName()).isEqualTo("Searching time / Good experience");
    }

    @Test
    void theCalendarExampleWritingOneMinuteIsReadAsOneMonthWithAWarning() {
        OpenSloConversion loaded = load("openslo--budgeting-method--timeslices-slo.yaml");

        assertThat(loaded.slos()).hasSize(2);
        Slo internal = loaded.slos().get(0);
        assertThat(internal.window()).isEqualTo(new TimeWindow.Calendar(1, CalendarUnit.MONTH,
                java.time.LocalDateTime.of(2022, 1, 1, 12, 0), ZoneId.of("America/New_York")));
        assertThat(internal.budgetingMethod()).isEqualTo(BudgetingMethod.TIMESLICES);
        assertThat(internal.timeslices().slice()).isEqualTo(Duration.ofMinutes(1));
        assertThat(internal.timeslices().operator()).isEqualTo(Operator.GTE);
        assertThat(internal.timeslices().target()).isEqualTo(0.99);
        assertThat(loaded.slos().get(1).timeslices().operator()).isEqualTo(Operator.GTE);
        assertThat(loaded.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.path()).isEqualTo("spec.timeWindow[0].duration");
            assertThat(warning.message()).contains("as 1 month");
        });
    }

    @Test
    void ratioTimeslicesKeepTheSliceLength() {
        Slo slo = load("openslo--budgeting-method--ratio-timeslices.yaml").slos().get(0);

        assertThat(slo.budgetingMethod()).isEqualTo(BudgetingMethod.RATIO_TIMESLICES);
        assertThat(slo.timeslices().slice()).isEqualTo(Duration.ofMinutes(1));
    }
}
