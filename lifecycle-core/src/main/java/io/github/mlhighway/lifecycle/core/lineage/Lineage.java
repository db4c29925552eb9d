package io.github.mlhighway.lifecycle.core.lineage;

import io.github.mlhighway.lifecycle.core.pipeline.RunRecords;
import io.github.mlhighway.lifecycle.pipeline.Provenance;
import io.github.mlhighway.lifecycle.pipeline.RunRecord;
import io.github.mlhighway.lifecycle.pipeline.StageRecord;
import io.github.mlhighway.lifecycle.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Questions answered from the run records in a store: what produced an output, what used a data set, and how
 * two runs differ. Each query reads every run record; fine for thousands of runs, not for millions.
 *
 * @since 0.1
 */
public final class Lineage {

    private final Store store;

    private Lineage(Store store) {
        this.store = store;
    }

    /**
     * Lineage over the run records of a store.
     *
     * @param store the store
     * @return the queries
     */
    public static Lineage over(Store store) {
        return new Lineage(Objects.requireNonNull(store, "store"));
    }

    /**
     * What produced an output: every successful stage whose output has this digest.
     *
     * @param sha256 the output's SHA-256
     * @return the producing stages, in run id order
     */
    public List<ProducedOutput> producersOf(String sha256) {
        List<ProducedOutput> found = new ArrayList<>();
        for (RunRecord run : RunRecords.all(store)) {
            for (StageRecord stage : run.stages()) {
                if (sha256.equals(stage.outputDigest())) {
                    found.add(new ProducedOutput(run.runId(), run.pipeline(), stage.name(), sha256));
                }
            }
        }
        return found;
    }

    /**
     * What used a data set: the runs that recorded it as an input (the run input, a file it read, a stage
     * input, or a profile it produced).
     *
     * @param sha256 the data set's SHA-256
     * @return run ids, sorted
     */
    public List<String> runsUsing(String sha256) {
        List<String> runs = new ArrayList<>();
        for (RunRecord run : RunRecords.all(store)) {
            Provenance provenance = run.provenance();
            boolean used = sha256.equals(run.inputDigest())
                    || provenance != null && (provenance.inputDigests().containsValue(sha256)
                            || provenance.profileDigests().containsValue(sha256))
                    || run.stages().stream().anyMatch(stage -> sha256.equals(stage.inputDigest()));
            if (used) {
                runs.add(run.runId());
            }
        }
        return runs;
    }

    /**
     * The reproducibility diff of two runs.
     *
     * @param leftRunId  the first run
     * @param rightRunId the second run
     * @return every recorded difference
     * @throws IllegalArgumentException if either run is not in the store
     */
    public ReproducibilityDiff diff(String leftRunId, String rightRunId) {
        Provenance left = provenanceOf(leftRunId);
        Provenance right = provenanceOf(rightRunId);
        List<Difference> differences = new ArrayList<>();
        if (!left.codeVersion().equals(right.codeVersion())) {
            differences.add(new Difference("code", left.codeVersionSource() + "/" + right.codeVersionSource(),
                    left.codeVersion(), right.codeVersion()));
        }
        compare("parameter", left.parameters(), right.parameters(), differences);
        compare("environment", left.environment(), right.environment(), differences);
        compare("input", left.inputDigests(), right.inputDigests(), differences);
        compare("profile", left.profileDigests(), right.profileDigests(), differences);
        return new ReproducibilityDiff(leftRunId, rightRunId, differences);
    }

    private Provenance provenanceOf(String runId) {
        RunRecord run = RunRecords.find(store, runId).orElseThrow(() -> new IllegalArgumentException(
                "No run '" + runId + "' in the store"));
        if (run.provenance() == null) {
            throw new IllegalArgumentException("Run '" + runId + "' has no provenance recorded");
        }
        return run.provenance();
    }

    private static void compare(String aspect, Map<String, String> left, Map<String, String> right,
            List<Difference> into) {
        TreeSet<String> keys = new TreeSet<>(left.keySet());
        keys.addAll(right.keySet());
        for (String key : keys) {
            if (!Objects.equals(left.get(key), right.get(key))) {
                into.add(new Difference(aspect, key, left.get(key), right.get(key)));
            }
        }
    }
}
