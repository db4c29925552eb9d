package io.github.mlhighway.lifecycle.samples.weather;

import io.github.mlhighway.lifecycle.cli.report.HtmlReport;
import io.github.mlhighway.lifecycle.core.incident.IncidentManager;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.store.AtomicFiles;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.Challenge;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.Summary;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.YearServed;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The story's last stage: the postmortems of its incidents (Markdown, into the store and as files), the report and
 * {@code summary.json}, the files in an output directory beside the store (the store holds only what it tracks). Every file is rewritten whole, so a re-run after a crash leaves the same files.
 */
final class StoryEnding {

    /** Store collection of postmortem drafts. */
    static final String POSTMORTEMS = "postmortems";

    private final Lifecycle lifecycle;
    private final SimulatedClock clock;
    private final Path storeDir;
    private final Path outputDir;
    private final PrintStream out;

    StoryEnding(Lifecycle lifecycle, SimulatedClock clock, Path storeDir, Path outputDir, PrintStream out) {
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.storeDir = storeDir;
        this.outputDir = outputDir;
        this.out = out;
    }

    Summary finish(YearServed year, double seattleHoldoutAuc) {
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the story's output directory " + outputDir, e);
        }
        Challenge challenge = year.canary().challenge();
        clock.advanceTo(StoryStages.midnight(StoryStages.SERVE_TO.plusDays(2)));
        IncidentManager incidents = lifecycle.incidents();
        List<String> postmortems = new ArrayList<>();
        for (Incident incident : incidents.all()) {
            String markdown = incidents.postmortem(incident.id());
            lifecycle.store().put(POSTMORTEMS, incident.id(), Json.write(Map.of("incident", incident.id(), "markdown", markdown)));
            Path file = outputDir.resolve("postmortem-" + incident.id() + ".md");
            write(file, markdown);
            postmortems.add(file.toAbsolutePath().toString());
        }
        Path report = outputDir.resolve("report.html");
        HtmlReport.write(storeDir, report, clock);
        boolean promoted = "promoted".equals(year.canary().outcome());
        Summary summary = new Summary(ServingSimulation.MODEL, seattleHoldoutAuc, challenge.championAuc(),
                promoted ? challenge.challengerAuc() : challenge.championAuc(),
                challenge.signal().driftedColumns(), year.canary().outcome(), incidents.all().size(),
                challenge.champion().ref(), challenge.challenger().ref(), year.canary().releaseId(),
                challenge.signal().newYorkFrom(), challenge.signal().newYorkTo().plusDays(1),
                postmortems.isEmpty() ? null : postmortems.get(0), report.toAbsolutePath().toString());
        write(outputDir.resolve("summary.json"), Json.writePretty(summary) + "\n");
        return summary;
    }

    private static void write(Path file, String text) {
        AtomicFiles.writeString(file, text);
    }
}
