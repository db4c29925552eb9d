package io.github.mlhighway.lifecycle.samples.weather;

import io.github.mlhighway.lifecycle.core.slo.SloState;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What each stage of the weather story hands to the next. The pipeline runner checkpoints every one of them as JSON,
 * so a run killed at any point resumes after the last completed stage with exactly these values.
 */
final class StoryRecords {

    private StoryRecords() {
    }

    /** What the story runs on: the bundled data set and the traffic it simulates. */
    record StoryInput(String dataset, int requestsPerHour) {
    }

    /** The training rows the data gate looked at. */
    record DataSlice(String location, LocalDate from, LocalDate to, int rows) {
    }

    /** A model version the story registered. */
    record RegisteredModel(String model, int version, String role, int trainingRows) {
        String ref() {
            return model + "@" + version;
        }
    }

    /** A model's evaluation, in the gate's form ({@code ModelComparison} JSON). */
    record GatedModel(RegisteredModel model, String comparisonJson, Map<String, Double> metrics) {
    }

    /** Where serving stopped: the day to serve next, and the SLO states to continue. */
    record ServingHandOff(LocalDate nextDay, String champion, Map<String, SloState> slos) {
    }

    /** Why a retraining was asked for, and what it may train on. */
    record RetrainSignal(ServingHandOff handOff, LocalDate newYorkFrom, LocalDate newYorkTo,
                         List<String> driftedColumns, List<String> reasons, int incidents) {
    }

    /** A challenger trained because of a signal. */
    record TrainedChallenger(RetrainSignal signal, RegisteredModel model) {
    }

    /** The year served to its end, after the canary. */
    record YearServed(CanaryResult canary, ServingHandOff end) {
    }

    /** The challenger and the champion, evaluated on the New York holdout. */
    record Challenge(RetrainSignal signal, RegisteredModel champion, RegisteredModel challenger,
                     String comparisonJson, double championAuc, double challengerAuc) {
    }

    /** How the canary ended. */
    record CanaryResult(Challenge challenge, String outcome, String releaseId, ServingHandOff handOff) {
    }

    /** The story's end: everything {@code summary.json} says. */
    record Summary(String model_name, double seattle_holdout_auc, double new_york_auc_before_retrain,
                   double new_york_auc_after_retrain, List<String> drifted_columns, String canary_outcome,
                   int incidents, String champion, String challenger, String release_id,
                   LocalDate new_york_from, LocalDate retrained_on, String postmortem, String report) {
    }
}
