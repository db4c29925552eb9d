package io.github.mlhighway.lifecycle.samples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mlhighway.lifecycle.core.incident.IncidentManager;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.release.ReleaseJournal;
import io.github.mlhighway.lifecycle.core.report.ReportData;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.registry.AliasMove;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.Summary;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class WeatherStoryTest {

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void theWholeStoryRunsOnTheWeatherDataAndAKilledRunResumesToTheSameEnding() throws Exception {
        Path store = directory.resolve("lifecycle-data");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Summary summary = WeatherStory.run(store, new PrintStream(printed, true, StandardCharsets.UTF_8));

        Path outputDir = WeatherStory.outputBeside(store);
        JsonNode json = Json.mapper().readTree(Files.readString(outputDir.resolve("summary.json")));
        assertThat(json.get("model_name").asText()).isEqualTo("rain-tomorrow");
        assertThat(json.get("seattle_holdout_auc").asDouble()).isGreaterThanOrEqualTo(0.70);
        assertThat(json.get("new_york_auc_before_retrain").asDouble()).isBetween(0.5, 1.0);
        assertThat(json.get("new_york_auc_after_retrain").asDouble()).isBetween(0.5, 1.0);
        assertThat(json.get("drifted_columns")).isNotEmpty();
        assertThat(json.get("canary_outcome").asText()).isIn("promoted", "rolled_back");
        assertThat(json.get("incidents").asInt()).isPositive();
        assertThat(Files.readString(outputDir.resolve("report.html"))).contains("<svg").doesNotContain("https://");
        try (Stream<Path> files = Files.list(outputDir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("postmortem-"))).isNotEmpty();
        }
        try (Stream<Path> files = Files.list(store)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the store holds only what it tracks: no report, summary, postmortem or scratch files")
                    .noneMatch(name -> name.endsWith(".html") || name.endsWith(".md") || name.equals("summary.json")
                            || name.equals("work"));
        }
        assertThat(summary.retrained_on()).isEqualTo(LocalDate.of(2015, 5, 31));
        assertStampedWithTheStoryDays(store);
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("traffic switches to New York").contains("retraining triggered")
                .contains("Report: " + outputDir.resolve("report.html").toAbsolutePath());

        Map<String, String> killPoints = Map.of("traffic switches to New York", "serve-new-york",
                "canary PROGRESSING", "canary");
        for (Map.Entry<String, String> point : killPoints.entrySet()) {
            String killAt = point.getKey();
            Path killedStore = directory.resolve("killed-" + point.getValue());
            kill(killedStore, killAt);
            assertThat(stageStatus(killedStore, point.getValue())).as("the stage running when killed")
                    .isNotEqualTo("SUCCEEDED");
            Summary resumed = WeatherStory.run(killedStore, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8));

            assertThat(withoutPaths(resumed)).as("killed at '%s'", killAt).isEqualTo(withoutPaths(summary));
            assertThat(incidents(killedStore)).as("killed at '%s'", killAt).isEqualTo(incidents(store));
            assertThat(ModelRegistries.directory(killedStore, Clock.systemUTC()).versions("rain-tomorrow"))
                    .hasSize(2);
            assertThat(journal(killedStore)).as("killed at '%s'", killAt).isEqualTo(journal(store));
            assertThat(sloSeries(killedStore)).as("killed at '%s'", killAt).isEqualTo(sloSeries(store));
        }

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Summary finished = WeatherStory.run(store, new PrintStream(again, true, StandardCharsets.UTF_8));
        assertThat(finished).isEqualTo(summary);
        assertThat(again.toString(StandardCharsets.UTF_8)).doesNotContain("Trained");
    }

    /** Runs the story in a child JVM and kills it (SIGKILL) as soon as it prints a line containing the marker. */
    private static void kill(Path store, String marker) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                WeatherStory.class.getName(), "--store", store.toString())
                .redirectErrorStream(true).start();
        boolean seen = false;
        List<String> printed = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                printed.add(line);
                if (line.contains(marker)) {
                    seen = true;
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        }
        assertThat(seen).as("the child printed '%s' before it was killed; it printed:%n%s", marker,
                String.join(System.lineSeparator(), printed)).isTrue();
    }

    /**
     * Versions, alias moves and verdicts carry the story's 2015 days, not the wall clock. The incident policy is
     * evaluated daily at 01:00 (after the labels of the day before arrive), so the incident opens and closes then.
     */
    private static void assertStampedWithTheStoryDays(Path store) {
        ModelRegistry registry = ModelRegistries.directory(store, Clock.systemUTC());
        assertThat(registry.versions("rain-tomorrow")).extracting(ModelVersion::createdAt)
                .containsExactly(Instant.parse("2015-01-01T00:00:00Z"), Instant.parse("2015-06-01T00:00:00Z"));
        assertThat(registry.aliasMoves("rain-tomorrow")).extracting(AliasMove::movedAt)
                .containsExactly(Instant.parse("2015-01-01T00:00:00Z"), Instant.parse("2015-06-04T00:00:00Z"));
        // The second move is the runtime's, after the canary's promotion, with the release's analyses as verdict.
        assertThat(registry.aliasMoves("rain-tomorrow").get(1).verdict().gate())
                .isEqualTo("release:" + StoryStages.RELEASE_ID);
        assertThat(registry.aliasMoves("rain-tomorrow").get(1).verdict().decidedAt())
                .isEqualTo(Instant.parse("2015-06-04T00:00:00Z"));
        assertThat(incidents(store)).singleElement().asString()
                .isEqualTo("INC-20150416-010000-rain-tomorrow CLOSED 2015-04-16T01:00:00Z"
                        + " Optional[2015-06-04T00:00:00Z] Optional[2015-08-20T01:00:00Z]");
    }

    /** The status of a stage in the story's run record, as the killed child left it. */
    private static String stageStatus(Path store, String stage) throws IOException {
        JsonNode record = Json.mapper().readTree(Stores.readOnlyDirectory(store)
                .read("pipeline-runs", WeatherStory.RUN_ID).orElseThrow().json());
        for (JsonNode node : record.get("stages")) {
            if (node.get("name").asText().equals(stage)) {
                return node.get("status").asText();
            }
        }
        throw new AssertionError("no stage " + stage + " in " + record);
    }

    private static Summary withoutPaths(Summary s) {
        return new Summary(s.model_name(), s.seattle_holdout_auc(), s.new_york_auc_before_retrain(),
                s.new_york_auc_after_retrain(), s.drifted_columns(), s.canary_outcome(), s.incidents(), s.champion(),
                s.challenger(), s.release_id(), s.new_york_from(), s.retrained_on(), null, null);
    }

    /**
     * The accuracy SLO series the report shows. Deterministic, unlike the sketch-based drift numbers and the latency
     * SLIs, which measure real time.
     */
    private static List<?> sloSeries(Path store) {
        return ReportData.read(Stores.directory(store)).slos().stream()
                .filter(series -> series.slo().endsWith("accuracy")).toList();
    }

    /** The release journal's steps (its cohort statistics hold measured latencies, which differ run to run). */
    private static List<String> journal(Path store) {
        return ReleaseJournal.read(Stores.directory(store), StoryStages.RELEASE_ID).orElseThrow().entries().stream()
                .map(e -> e.at() + " " + e.type() + " " + e.phase() + " " + e.candidateWeight()).toList();
    }

    /**
     * What an incident is, without its drift numbers: the serving profiles use randomised KLL sketches, so effect
     * sizes differ in the third decimal between two runs of the same story.
     */
    private static List<String> incidents(Path store) {
        return IncidentManager.builder(Stores.directory(store), Clock.systemUTC()).build().all().stream()
                .map(i -> String.join(" ", i.id(), i.status().name(), i.openedAt().toString(),
                        i.mitigatedAt().toString(), i.closedAt().toString()))
                .toList();
    }
}
