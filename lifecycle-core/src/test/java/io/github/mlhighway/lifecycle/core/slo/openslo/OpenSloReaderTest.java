package io.github.mlhighway.lifecycle.core.slo.openslo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSloReaderTest {

    private static List<SloSpecException.Problem> problemsReading(String yaml) {
        try {
            new OpenSloReader().read(yaml, "spec.yaml");
        } catch (SloSpecException e) {
            return e.problems();
        }
        throw new AssertionError("expected a SloSpecException");
    }

    @Test
    void aMissingFileIsSaidToNotExist(@TempDir Path dir) {
        Path absent = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> new OpenSloReader().read(absent)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("Cannot read OpenSLO file " + absent + ": it does not exist");
    }

    @Test
    void aDirectoryOrABinaryFileIsNamedAsSuch(@TempDir Path dir) throws IOException {
        Path binary = Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});

        assertThatThrownBy(() -> new OpenSloReader().read(dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("Cannot read OpenSLO file " + dir + ": it is a directory, expected a YAML file");
        assertThatThrownBy(() -> new OpenSloReader().read(binary)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("Cannot read OpenSLO file " + binary + ": it is not UTF-8 text (the first bad byte is on line 1)");
    }

    @Test
    void everyProblemOfEveryDocumentIsReportedWithPathLineAndExpectation() {
        List<SloSpecException.Problem> problems;
        try {
            OpenSloConverterTest.fixture("invalid.yaml");
            throw new AssertionError("expected a SloSpecException");
        } catch (SloSpecException e) {
            problems = e.problems();
        }

        assertThat(problems).extracting(SloSpecException.Problem::path).containsExactly(
                "spec.timeWindow[0].duration",
                "spec.budgetingMethod",
                "spec.objectives[0].target",
                "spec.objectives[1].extra",
                "spec.objectives[1].op",
                "apiVersion",
                "kind");
        assertThat(problems).extracting(SloSpecException.Problem::source).containsExactly(
                "invalid.yaml:9", "invalid.yaml:11", "invalid.yaml:13", "invalid.yaml:16", "invalid.yaml:14",
                "invalid.yaml:18", "invalid.yaml:25");
        assertThat(problems.get(0).message()).contains("found '28days'", "expected a duration");
        assertThat(problems.get(1).message()).contains("found 'Occurences'", "Occurrences, Timeslices");
        assertThat(problems.get(2).message()).contains("found 1.5", "strictly between 0 and 1");
        assertThat(problems.get(4).message()).contains("found 'within'", "lt, lte, gt, gte");
        assertThat(problems.get(5).message()).contains("openslo/v2");
        assertThat(problems.get(6).message()).contains("found 'Dashboard'");
    }

    @Test
    void theExceptionMessageListsOneProblemPerLine() {
        assertThatThrownBy(() -> OpenSloConverterTest.fixture("invalid.yaml"))
                .hasMessageStartingWith("7 problems in SLO spec:")
                .hasMessageContaining("invalid.yaml:13: spec.objectives[0].target: found 1.5");
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        List<SloSpecException.Problem> problems = problemsReading("""
                apiVersion: openslo/v1
                kind: SLO
                metadata:
                  displayName: no name
                spec:
                  indicatorRef: x
                """);

        assertThat(problems).extracting(p -> p.path() + " " + p.message()).containsExactly(
                "metadata.name missing, expected a name");
    }

    @Test
    void anSloSpecNeedsItsBudgetingAndObjectivesAndItsWindowOnlyToBeConverted() {
        List<SloSpecException.Problem> problems = problemsReading("""
                apiVersion: openslo/v1
                kind: SLO
                metadata:
                  name: empty
                spec:
                  indicatorRef: x
                """);

        // The OpenSLO SDK reads a v1 SLO without a time window; converting it into a tracked SLO refuses it.
        assertThat(problems).extracting(SloSpecException.Problem::path)
                .containsExactly("spec.budgetingMethod", "spec.objectives");
    }

    @Test
    void timeslicesNeedASliceWindowAndTarget() {
        List<SloSpecException.Problem> problems = problemsReading("""
                apiVersion: openslo/v1
                kind: SLO
                metadata:
                  name: slices
                spec:
                  indicatorRef: x
                  timeWindow: [{duration: 7d, isRolling: true}]
                  budgetingMethod: Timeslices
                  objectives: [{target: 0.9}]
                """);

        assertThat(problems).extracting(SloSpecException.Problem::path).containsExactly(
                "spec.objectives[0].timeSliceWindow", "spec.objectives[0].timeSliceTarget");
    }

    @Test
    void anAlertConditionIsCheckedFieldByField() {
        List<SloSpecException.Problem> problems = problemsReading("""
                apiVersion: openslo/v1
                kind: AlertCondition
                metadata:
                  name: bad-condition
                spec:
                  condition:
                    kind: budget
                    op: gte
                    threshold: -2
                    lookbackWindow: 1 hour
                """);

        assertThat(problems).extracting(SloSpecException.Problem::path).containsExactly(
                "spec.severity", "spec.condition.kind", "spec.condition.threshold", "spec.condition.lookbackWindow");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> new OpenSloReader().read("kind: SLO\n  bad: [\n", "broken.yaml"))
                .isInstanceOf(SloSpecException.class)
                .hasMessageStartingWith("broken.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void otherKindsAreKeptWhole() {
        OpenSloFile file = new OpenSloReader().read("""
                apiVersion: openslo/v1
                kind: Service
                metadata:
                  name: web
                spec:
                  description: the shop
                """, "service.yaml");

        assertThat(file.documents()).singleElement().isInstanceOfSatisfying(OtherDocument.class,
                other -> assertThat(other.spec().get("description").asText()).isEqualTo("the shop"));
    }
}
