package io.github.mlhighway.lifecycle.samples.weather;

import io.github.mlhighway.lifecycle.core.pipeline.Pipeline;
import io.github.mlhighway.lifecycle.core.pipeline.RunResult;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.StageRecord;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.CanaryResult;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.Challenge;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.DataSlice;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.GatedModel;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.RegisteredModel;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.RetrainSignal;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.ServingHandOff;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.StoryInput;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.Summary;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.TrainedChallenger;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.YearServed;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The weather story, end to end on real data: train "rain tomorrow" on Seattle with DJL behind a data gate and a
 * model gate; serve 2015 day by day in simulated time with availability, latency and accuracy SLOs; switch the traffic
 * to New York, where drift is detected, the accuracy SLO burns and an incident opens; retrain on the New York days
 * seen so far, gate the challenger against the champion on a New York holdout, canary it and promote or roll back;
 * then write the postmortem, {@code report.html} and {@code summary.json} beside the store ({@code <store>-output}).
 *
 * <p>Everything runs on one {@link Lifecycle} driven by a {@link SimulatedClock}. The story is one pipeline run with
 * a fixed run id on the store: killed at any moment and started again with the same store, it re-runs the stage that
 * was running (replaying its days without adding anything twice) and continues after it.
 */
@Command(name = "weather-story", mixinStandardHelpOptions = true,
        description = "Runs the whole Lifecycle loop on the NOAA weather data of Seattle and New York.")
public final class WeatherStory implements Callable<Integer> {

    /** The pipeline run id (fixed, so that a second start resumes the first). */
    public static final String RUN_ID = "weather-story";

    @Option(names = "--store", description = "The store directory (default: lifecycle-data in the working directory).")
    private Path storeDir = Path.of("lifecycle-data");

    private final PrintStream out;

    /** A story printing to standard output. */
    public WeatherStory() {
        this(System.out);
    }

    WeatherStory(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the story.
     *
     * @param args {@code [--store DIR]}
     */
    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "error");
        int exit = new CommandLine(new WeatherStory()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /**
     * Runs (or resumes) the story into a store directory.
     *
     * @param storeDir the store
     * @param out      where progress goes
     * @return the summary
     * @throws IllegalStateException when the run does not complete (the message names the stage and why)
     */
    public static Summary run(Path storeDir, PrintStream out) {
        WeatherStory story = new WeatherStory(out);
        story.storeDir = storeDir;
        return story.runStory();
    }

    @Override
    public Integer call() {
        runStory();
        return 0;
    }

    private Summary runStory() {
        Path root = storeDir.toAbsolutePath().normalize();
        // Story time: a resumed process starts at the story's first day again, and its first stage moves the clock
        // forward to its own day. Every version, verdict, run record, incident and report point carries story time.
        SimulatedClock clock = SimulatedClock.at(StoryStages.midnight(StoryStages.SERVE_FROM));
        try (Lifecycle lifecycle = Lifecycle.builder().clock(clock).store(root)
                .incidentsFromAlerts(false)   // the story's incident rule is its IncidentPolicy (and its releases)
                .noAutomaticReport()          // the serving days record their SLOs at each day's end
                .build()) {
            clock.drive(lifecycle);
            StoryStages stages = new StoryStages(WeatherData.load(), lifecycle, clock, workBeside(root), out);
            try (ServingSimulation serving = stages.serving()) {
                StoryEnding ending = new StoryEnding(lifecycle, clock, root, outputBeside(root), out);
                Pipeline<StoryInput, Summary> story = Pipeline.start("weather-story", StoryInput.class)
                        .then("load", DataSlice.class, (input, context) -> stages.load(context))
                        .gate(stages.dataGate())
                        .then("train-champion", RegisteredModel.class, stages::trainChampion)
                        .then("evaluate-champion", GatedModel.class, stages::evaluateChampion)
                        .gate(stages.championGate())
                        .then("promote-champion", ServingHandOff.class, stages::promoteChampion)
                        .then("serve-seattle", ServingHandOff.class, stages::serveSeattle)
                        .then("serve-new-york", RetrainSignal.class, stages::serveNewYork)
                        .then("train-challenger", TrainedChallenger.class, stages::trainChallenger)
                        .then("evaluate-challenger", Challenge.class, stages::evaluateChallenger)
                        .gate(stages.challengerGate())
                        .then("canary", CanaryResult.class, stages::canary)
                        .then("serve-rest", YearServed.class, stages::serveRest)
                        .then("finish", Summary.class, (year, context) -> ending.finish(year,
                                stages.seattleHoldoutAuc(year.canary().challenge().champion())))
                        .build();
                out.println("Weather story: store " + root);
                RunResult<Summary> result = lifecycle.run(story, RUN_ID, new StoryInput("weather.csv",
                        ServingSimulation.REQUESTS_PER_HOUR));
                if (result.status() != RunStatus.SUCCEEDED) {
                    throw new IllegalStateException("The story stopped: " + describe(result));
                }
                Summary summary = result.outputOrThrow();
                printSummary(summary, root);
                return summary;
            }
        }
    }

    /**
     * Where the story writes what people read (the report, {@code summary.json}, the postmortems): a directory
     * beside the store, {@code <store>-output}, because the store holds only the documents and artifacts it tracks.
     *
     * @param store the store directory
     * @return the output directory
     */
    public static Path outputBeside(Path store) {
        Path root = store.toAbsolutePath().normalize();
        return root.resolveSibling(root.getFileName() + "-output");
    }

    /** The training stages' scratch directory, {@code <store>-work}, beside the store for the same reason. */
    static Path workBeside(Path store) {
        return store.resolveSibling(store.getFileName() + "-work");
    }

    private static String describe(RunResult<?> result) {
        StringBuilder text = new StringBuilder(result.status().toString());
        for (StageRecord stage : result.record().stages()) {
            text.append(System.lineSeparator()).append("  ").append(stage.name()).append(": ").append(stage.status());
            if (!stage.failures().isEmpty()) {
                text.append(" — ").append(stage.failures().get(stage.failures().size() - 1).message());
            }
            stage.verdicts().stream().filter(v -> !v.allowsProceeding())
                    .forEach(v -> text.append(System.lineSeparator()).append("    ").append(v.describe()));
        }
        return text.toString();
    }

    private void printSummary(Summary summary, Path root) {
        out.println();
        out.println("Summary");
        out.printf("  model                          %s (champion %s, challenger %s)%n", summary.model_name(),
                summary.champion(), summary.challenger());
        out.printf("  Seattle holdout AUC            %.3f%n", summary.seattle_holdout_auc());
        out.printf("  New York AUC before retraining %.3f%n", summary.new_york_auc_before_retrain());
        out.printf("  New York AUC after retraining  %.3f%n", summary.new_york_auc_after_retrain());
        out.printf("  drifted columns                %s%n", summary.drifted_columns());
        out.printf("  canary                         %s%n", summary.canary_outcome());
        out.printf("  incidents                      %d%n", summary.incidents());
        out.println("Store:  " + root);
        out.println("Report: " + summary.report());
    }
}
