package io.github.mlhighway.lifecycle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SloCommandsTest {

    static final String VALID = """
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: checkout-availability
            spec:
              service: checkout
              indicator:
                metadata:
                  name: checkout-requests
                spec:
                  ratioMetric:
                    good:
                      metricSource:
                        type: Prometheus
                        spec:
                          query: sum(rate(http_requests_total{job="checkout",code!~"5.."}[{{.window}}]))
                    total:
                      metricSource:
                        type: Prometheus
                        spec:
                          query: sum(rate(http_requests_total{job="checkout"}[{{.window}}]))
              timeWindow:
                - duration: 28d
                  isRolling: true
              budgetingMethod: Occurrences
              objectives:
                - target: 0.999
            """;

    static final String INVALID = """
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: broken
            spec:
              indicatorRef: nothing
              timeWindow:
                - duration: 4 weeks
              budgetingMethod: Occurrences
              objectives:
                - target: 99.9
            """;

    static final String THRESHOLD = """
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: search-latency
            spec:
              indicator:
                metadata:
                  name: search-p99
                spec:
                  thresholdMetric:
                    metricSource:
                      type: Prometheus
                      spec:
                        query: histogram_quantile(0.99, sum(rate(search_seconds_bucket[5m])) by (le))
              timeWindow:
                - duration: 7d
                  isRolling: true
              budgetingMethod: Occurrences
              objectives:
                - op: lte
                  value: 0.3
                  target: 0.99
            """;

    @TempDir
    Path dir;

    private String file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void checkExitsZeroAndNamesEachSloWhenEverySpecIsValid() throws IOException {
        CommandRun run = CommandRun.of("slo", "check", file("valid.yaml", VALID), file("latency.yaml", THRESHOLD));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ok: checkout-availability (ratio, objective 0.999, Occurrences)",
                "ok: search-latency (threshold", "2 SLO(s) valid in 2 file(s)");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void checkPrintsOneLinePerProblemOnStderrAndExitsOne() throws IOException {
        String invalid = file("invalid.yaml", INVALID);

        CommandRun run = CommandRun.of("slo", "check", file("valid.yaml", VALID), invalid);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                "error: " + invalid + ":8: spec.timeWindow[0].duration: found '4 weeks', expected a duration: a "
                        + "positive whole number and one of the units s, m, h, d, w, M, Q, Y (e.g. 5m, 28d, 1M)",
                "error: " + invalid + ":11: spec.objectives[0].target: found 99.9, expected a number strictly "
                        + "between 0 and 1 (e.g. 0.999)");
    }

    @Test
    void checkReportsADanglingIndicatorRef() throws IOException {
        String spec = file("dangling.yaml", INVALID.replace("4 weeks", "28d").replace("99.9", "0.999"));

        CommandRun run = CommandRun.of("slo", "check", spec);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(":6: spec.indicatorRef: found 'nothing', expected the name of an SLI document");
    }

    @Test
    void checkSaysPlainlyThatAFileDoesNotExistWithoutAStackTrace() {
        Path absent = dir.resolve("absent.yaml");

        CommandRun run = CommandRun.of("slo", "check", absent.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("error: Cannot read OpenSLO file " + absent
                + ": it does not exist");
    }

    @Test
    void checkSaysPlainlyThatASpecIsADirectory() {
        CommandRun run = CommandRun.of("slo", "check", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("error: Cannot read OpenSLO file " + dir
                + ": it is a directory, expected a YAML file");
    }

    @Test
    void rulesWarnOnStderrThatATimeslicesSloGetsEventRatioRules() throws IOException {
        String timeslices = VALID.replace("budgetingMethod: Occurrences", "budgetingMethod: Timeslices")
                .replace("- target: 0.999", "- target: 0.999\n      timeSliceTarget: 0.95\n      timeSliceWindow: 1m");

        CommandRun run = CommandRun.of("slo", "rules", file("slices.yaml", timeslices));

        assertThat(run.exitCode()).isZero();
        assertThat(run.err().lines()).containsExactly("warning: SLO 'checkout-availability' uses budgetingMethod "
                + "Timeslices, but these rules judge events, not slices: objective, error budget and burn-rate "
                + "alerts are computed from the event error ratio; not exported: slice target gte 0.95 and slice "
                + "window 1m");
        assertThat(run.out()).contains("  # SLO 'checkout-availability' uses budgetingMethod Timeslices",
                "alert: CheckoutAvailabilityBurnRatePage");
    }

    @Test
    void rulesGoToStdoutWithoutAnOutputFile() throws IOException {
        CommandRun run = CommandRun.of("slo", "rules", file("valid.yaml", VALID), "-l", "team=payments");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("groups:", "- name: \"sloth-slo-sli-recordings-checkout-checkout-availability\"",
                "record: slo:sli_error:ratio_rate5m", "alert: CheckoutAvailabilityBurnRatePage",
                "team: \"payments\"");
    }

    @Test
    void rulesAreWrittenToTheOutputFile() throws IOException {
        Path output = dir.resolve("out/rules.yml");

        CommandRun run = CommandRun.of("slo", "rules", file("valid.yaml", VALID), "-o", output.toString(),
                "--sloth");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("wrote rules of 1 SLO(s) to");
        assertThat(Files.readString(output)).contains("sloth_slo: \"checkout-availability-0\"",
                "slo:sli_error:ratio_rate2h");
    }

    @Test
    void rulesRefuseAThresholdSloNamingIt() throws IOException {
        CommandRun run = CommandRun.of("slo", "rules", file("latency.yaml", THRESHOLD));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: SLO 'search-latency': indicator: found a threshold indicator");
    }

    @Test
    void sloNamesMustBeUniqueAcrossTheFilesCheckedTogether() throws IOException {
        CommandRun run = CommandRun.of("slo", "check", file("a.yaml", VALID), file("b.yaml", VALID));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("b.yaml:4: metadata.name: found a second SLO named 'checkout-availability'");
    }

    @Test
    void rulesCarryTheMinimumEventsGuardAndTheNoDataPolicyGivenOnTheCommandLine() throws IOException {
        CommandRun run = CommandRun.of("slo", "rules", file("valid.yaml", VALID), "--min-events", "100",
                "--no-data", "ALERT");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("record: slo:sli_events:count1h", ">= 100)", "NoDataPage", "absent(");
    }

    @Test
    void aFileOfServicesAloneChecksWithoutASlo() throws IOException {
        CommandRun run = CommandRun.of("slo", "check", file("services.yaml", """
                - apiVersion: openslo/v1
                  kind: Service
                  metadata:
                    name: shop
                  spec:
                    description: The shop
                """));

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void everySharedExampleChecksAndTheSlothOnesBecomeRulesPromtoolAccepts() throws Exception {
        List<String> specs = sharedExamples();

        for (String spec : specs) {
            CommandRun check = CommandRun.of("slo", "check", spec);
            if (Files.readString(Path.of(spec)).contains("ratioMetric") && Files.readString(Path.of(spec))
                    .contains("op: gt")) {
                // The OpenSLO specification's Timeslices examples put op on a ratio objective, which the OpenSLO
                // SDK's validator (and so Lifecycle) forbids.
                assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
                assertThat(check.err()).contains("spec.objectives[0].op: found 'gt' on an objective of a ratio SLI");
                continue;
            }
            assertThat(check.exitCode()).as(check.err()).isZero();
        }

        Path rules = dir.resolve("sloth-rules.yml");
        List<String> sloth = specs.stream().filter(spec -> spec.contains("sloth--")).toList();
        List<String> args = new ArrayList<>(sloth);
        args.addAll(List.of("-o", rules.toString()));
        CommandRun generate = CommandRun.of(with("slo", "rules", args));
        assertThat(generate.exitCode()).as(generate.err()).isZero();

        RequiredTool.require(promtoolAvailable(), "Skipped the promtool part: promtool is not on the PATH");
        Process process = new ProcessBuilder("promtool", "check", "rules", rules.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static String[] with(String group, String command, List<String> rest) {
        List<String> args = new ArrayList<>(List.of(group, command));
        args.addAll(rest);
        return args.toArray(String[]::new);
    }

    /** The OpenSLO and Sloth examples copied into this module's test resources (provenance in their README). */
    private static List<String> sharedExamples() throws IOException {
        Path folder = Path.of("src/test/resources/openslo-examples");
        assertThat(folder).as("the copied OpenSLO examples").isDirectory();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(Path::toString).filter(name -> name.matches(".*\\.ya?ml") && !name.contains(".rules."))
                    .sorted().toList();
        }
    }

    private static boolean promtoolAvailable() {
        try {
            return new ProcessBuilder("promtool", "--version").redirectErrorStream(true).start()
                    .waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
