package io.github.mlhighway.lifecycle.core.slo.openslo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.internal.BucketRing;
import io.github.mlhighway.lifecycle.core.slo.internal.Resolutions;
import io.github.mlhighway.lifecycle.core.slo.prometheus.PrometheusRules;
import io.github.mlhighway.lifecycle.slo.Indicator;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.slo.SloSpecException;
import io.github.mlhighway.lifecycle.slo.TimeWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile OpenSLO input: each file of {@code src/test/resources/openslo-hostile} (also the fuzz corpus) is either
 * read into the right value or refused through the {@code file:line: path: found ..., expected ...} reporter,
 * never with a stack trace, a hang or a silently wrong rule.
 */
class OpenSloHostileInputTest {

    static final Path HOSTILE = Path.of("src/test/resources/openslo-hostile");

    private static OpenSloConversion load(String file) {
        return OpenSlo.load(List.of(HOSTILE.resolve(file)));
    }

    private static SloSpecException.Problem onlyProblem(String file) {
        SloSpecException refused = catchThrowableOfType(SloSpecException.class, () -> load(file));
        assertThat(refused).as(file + " is refused").isNotNull();
        assertThat(refused.problems()).as(file).hasSize(1);
        return refused.problems().get(0);
    }

    @Test
    void anAliasIsResolvedToTheAnchoredQueryNotReadAsTheAnchorsName() {
        Slo slo = load("alias-query.yaml").slos().get(0);

        Indicator.Ratio ratio = (Indicator.Ratio) slo.indicator();
        assertThat(ratio.total().query()).isEqualTo("sum(rate(http_requests_total{code!~\"5..\"}[{{.window}}]))");
        assertThat(new PrometheusRules().yaml(List.of(slo))).doesNotContain("\n      good\n");
    }

    @Test
    void aBillionLaughsFileIsRefusedWithALineNotExpanded() {
        SloSpecException.Problem problem = onlyProblem("billion-laughs.yaml");

        assertThat(problem.source()).matches(".*billion-laughs.yaml:\\d+");
        assertThat(problem.message()).contains("aliases that expand to more than 10000 nodes");
    }

    @Test
    void aRecursiveAliasAndAMergeKeyAreRefusedWithALine() {
        assertThat(onlyProblem("recursive-alias.yaml").message()).contains("recursive alias");
        SloSpecException.Problem merge = onlyProblem("merge-key.yaml");
        assertThat(merge.source()).endsWith("merge-key.yaml:5");
        assertThat(merge.message()).contains("merge key '<<'");
    }

    @Test
    void aWindowLongerThanPrometheusDurationsIsRefusedNamingTheMaximum() {
        SloSpecException.Problem problem = onlyProblem("window-999999999w.yaml");

        assertThat(problem.source()).endsWith("window-999999999w.yaml:24");
        assertThat(problem.path()).isEqualTo("spec.timeWindow[0].duration");
        assertThat(problem.message()).isEqualTo("found '999999999w', expected at most " + OpenSloDuration.MAX_TEXT);
    }

    @Test
    void theLongestWindowIsAcceptedAndItsTrackerStaysSmall() throws IOException {
        String text = Files.readString(HOSTILE.resolve("valid-ratio.yaml")).replace("duration: 30d", "duration: 106751d");
        Slo slo = new OpenSloConverter().convert(new OpenSloReader().read(text, "longest.yaml")).slos().get(0);

        SloRegistry registry = SloRegistry.create(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        registry.register(slo).recordGood();
        registry.tick();

        assertThat(BucketRing.forWindow(TimeWindow.MAX_LENGTH.toMillis()).size()).isLessThanOrEqualTo(
                Resolutions.MAX_BUCKETS);
        assertThatThrownBy(() -> TimeWindow.rolling(TimeWindow.MAX_LENGTH.plusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 106751 days");
    }

    @Test
    void anInfiniteThresholdAndANanTargetAreProblemsNotStackTracesOrInvalidYaml() {
        SloSpecException.Problem infinite = onlyProblem("value-1e309.yaml");
        assertThat(infinite.path()).isEqualTo("spec.objectives[0].value");
        assertThat(infinite.message()).isEqualTo("found 1.0e+309, expected a number (a finite number)");

        SloSpecException.Problem nan = onlyProblem("target-nan.yaml");
        assertThat(nan.path()).isEqualTo("spec.objectives[0].target");
        assertThat(nan.message()).startsWith("found nan, expected").doesNotContain("not valid YAML");
    }

    @Test
    void anSliNameThatIsNotAnRfc1123LabelIsAProblem() {
        SloSpecException.Problem problem = onlyProblem("sli-name-space.yaml");

        assertThat(problem.path()).isEqualTo("spec.indicator.metadata.name");
        assertThat(problem.message()).startsWith("found 'good requests', expected an RFC-1123 label name");
    }

    @Test
    void aServiceWithALineBreakIsRefusedAndEchoedEscaped() {
        SloSpecException.Problem problem = onlyProblem("service-newline.yaml");

        assertThat(problem.path()).isEqualTo("spec.service");
        assertThat(problem.message()).startsWith("found 'shop\\nevil', expected the name of a service on one line");
    }

    @Test
    void anEmptyQueryIsRefused() {
        SloSpecException.Problem problem = onlyProblem("empty-query.yaml");

        assertThat(problem.path()).isEqualTo("spec.indicator.spec.ratioMetric.total.metricSource.spec.query");
        assertThat(problem.message()).isEqualTo("found an empty query, expected a query");
    }

    @Test
    void theSameAlertPolicyReferencedTwiceIsRefusedInsteadOfDoublingItsTiers() {
        SloSpecException.Problem problem = onlyProblem("policy-twice.yaml");

        assertThat(problem.path()).isEqualTo("spec.alertPolicies[1]");
        assertThat(problem.message()).contains("found AlertPolicy 'fast-burn' again (first at spec.alertPolicies[0])");
    }

    @Test
    void aListOfDocumentsIsReadAsTheSdkReadsIt() {
        OpenSloFile read = new OpenSloReader().read(HOSTILE.resolve("list-root.yaml"));

        assertThat(read.documents()).extracting(OpenSloDocument::kind).containsExactly("SLO", "Service");
        assertThat(load("list-root.yaml").slos()).extracting(Slo::name).containsExactly("availability");
    }

    @Test
    void anUnknownFieldInAServiceSpecIsAProblem() {
        SloSpecException.Problem problem = onlyProblem("service-unknown-field.yaml");

        assertThat(problem.source()).endsWith("service-unknown-field.yaml:6");
        assertThat(problem.path()).isEqualTo("spec.markdown");
    }

    @Test
    void aV1alphaTimeslicesObjectiveWithoutASliceWindowIsReadWithOneMinuteSlicesAndAWarning() {
        OpenSloConversion conversion = load("v1alpha-timeslices.yaml");

        assertThat(conversion.slos().get(0).timeslices().slice()).isEqualTo(Duration.ofMinutes(1));
        assertThat(conversion.warnings()).extracting(SloSpecException.Problem::path)
                .contains("spec.objectives[0].timeSliceWindow");
    }

    @Test
    void aFileTooLargeOrWithAHugeWordIsRefusedBeforeItIsParsed(@TempDir Path dir) throws IOException {
        Path large = dir.resolve("large.yaml");
        Files.writeString(large, "description: " + "word ".repeat(OpenSloReader.MAX_FILE_BYTES / 5 + 1));
        assertThatThrownBy(() -> new OpenSloReader().read(large)).isInstanceOf(SloSpecException.class)
                .hasMessageContaining("expected at most " + OpenSloReader.MAX_FILE_BYTES);

        String word = "description: " + "a".repeat(3 * 1024 * 1024);
        assertThatThrownBy(() -> new OpenSloReader().read(word, "word.yaml")).isInstanceOf(SloSpecException.class)
                .hasMessage("word.yaml:1: (file): found a word (characters without a space) longer than 65536 "
                        + "characters, expected shorter values");
    }

    @Test
    void aFifoIsRefusedInsteadOfBlockingTheReader(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("spec.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThatThrownBy(() -> new OpenSloReader().read(fifo)).isInstanceOf(SloSpecException.class)
                .hasMessageContaining("found a special file");
    }
}
