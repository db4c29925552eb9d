package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.pipeline.RunRecords;
import io.github.mlhighway.lifecycle.pipeline.RunRecord;
import io.github.mlhighway.lifecycle.store.Store;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lifecycle runs show DIR RUN_ID}: one run's stages, attempts, durations, verdicts and digests. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show a pipeline run: its status, each stage's status, attempts, duration, gate verdicts, "
                + "failures and output SHA-256, and the run's provenance.",
            "The store is opened read-only.",
            "Exit codes: 0 shown, 2 bad input (no such store or run)."})
final class RunsShowCommand implements Callable<Integer> {

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = StoreLocations.DESCRIPTION)
    private @Nullable String directory;

    @Parameters(index = "1", paramLabel = "RUN_ID", description = "The run id.")
    private @Nullable String runId;

    @Option(names = "--json", description = "Print the run record as JSON instead of text.")
    private boolean json;

    /**
     * Shows the run.
     *
     * @return 0 when shown, 2 on bad input
     */
    @Override
    public Integer call() {
        CommandSpec spec = Picocli.injected(this.spec, "@Spec");
        String directory = Picocli.injected(this.directory, "STORE");
        String runId = Picocli.injected(this.runId, "RUN_ID");
        PrintWriter err = spec.commandLine().getErr();
        if (StoreLocations.missing(directory) != null) {
            return ExitCodes.badInput(err, "no store directory " + directory);
        }
        try (Store store = StoreLocations.openExisting(directory)) {
            Optional<RunRecord> record = RunRecords.find(store, runId);
            if (record.isEmpty()) {
                return ExitCodes.badInput(err,
                        "no run '" + runId + "' in " + StoreLocations.label(directory) + "; runs there: "
                        + store.keys(RunRecords.RUNS));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? Json.writePretty(record.get()) + System.lineSeparator() : RunsText.render(record.get()));
            out.flush();
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            return ExitCodes.badInput(err, e.getMessage());
        }
    }
}
