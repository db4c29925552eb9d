package io.github.mlhighway.lifecycle.samples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.Summary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeatherStoryTest {

    @TempDir
    Path directory;

    @Test
    void theWholeStoryRunsOnTheWeatherDataAndAFinishedRunIsNotRepeated() throws Exception {
        Path store = directory.resolve("lifecycle-data");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Summary summary = WeatherStory.run(store, new PrintStream(printed, true, StandardCharsets.UTF_8));

        JsonNode json = Json.mapper().readTree(Files.readString(store.resolve("summary.json")));
        assertThat(json.get("model_name").asText()).isEqualTo("rain-tomorrow");
        assertThat(json.get("seattle_holdout_auc").asDouble()).isGreaterThanOrEqualTo(0.70);
        assertThat(json.get("new_york_auc_before_retrain").asDouble()).isBetween(0.5, 1.0);
        assertThat(json.get("new_york_auc_after_retrain").asDouble()).isBetween(0.5, 1.0);
        assertThat(json.get("drifted_columns")).isNotEmpty();
        assertThat(json.get("canary_outcome").asText()).isIn("promoted", "rolled_back");
        assertThat(json.get("incidents").asInt()).isPositive();
        assertThat(Files.readString(store.resolve("report.html"))).contains("<svg").doesNotContain("https://");
        assertThat(Files.list(store).filter(p -> p.getFileName().toString().startsWith("postmortem-"))).isNotEmpty();
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("traffic switches to New York").contains("retraining triggered")
                .contains("Report: " + store.resolve("report.html").toAbsolutePath());

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Summary resumed = WeatherStory.run(store, new PrintStream(again, true, StandardCharsets.UTF_8));
        assertThat(resumed).isEqualTo(summary);
        assertThat(again.toString(StandardCharsets.UTF_8)).doesNotContain("Trained");
    }
}
