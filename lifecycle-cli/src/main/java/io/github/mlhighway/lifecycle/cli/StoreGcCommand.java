package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.core.store.StoreGc;
import io.github.mlhighway.lifecycle.core.store.Stores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lifecycle store gc DIR}: remove the temporary files and orphan artifacts that crashes left. */
@Command(name = "gc", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Remove what interrupted writes left in a store: temporary dot-files (.*.tmp) and orphan "
                + "artifacts, which no document names (a writer killed between storing a version's files and "
                + "writing the version). Only left-overs older than --min-age are removed, measured by their "
                + "modification time, so gc is safe while writers run as long as no registration takes longer than "
                + "that from its first file to its version. No artifact is removed while a document cannot be read "
                + "(run `store check` first). Documents are never removed.",
            "Exit codes: 0 done, 1 orphan artifacts kept because a document cannot be read, 2 bad input."})
final class StoreGcCommand implements Callable<Integer> {

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The store directory.")
    private @Nullable Path directory;

    @Option(names = "--min-age", paramLabel = "AGE", defaultValue = "1h", converter = AgeConverter.class,
            description = "Remove only left-overs at least this old (default: ${DEFAULT-VALUE}; 0 when no writer "
                    + "runs).")
    private Duration minimumAge = Duration.ofHours(1);

    /**
     * Collects the garbage.
     *
     * @return 0 when done, 1 when orphans were kept, 2 on bad input
     */
    @Override
    public Integer call() {
        CommandSpec spec = Picocli.injected(this.spec, "@Spec");
        Path directory = Picocli.injected(this.directory, "DIR");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Stores.isUrl(directory.toString())) {
            return ExitCodes.badInput(err, "store gc works on directory stores only, not on "
                    + Stores.redact(directory.toString()) + "; `store check` reports a PostgreSQL store's orphans");
        }
        if (!ExitCodes.exists(directory)) {
            return ExitCodes.badInput(err, "store directory " + directory + " does not exist");
        }
        StoreGc.Result result;
        try {
            result = StoreGc.run(directory, Clock.systemUTC(), minimumAge);
        } catch (RuntimeException e) {
            return ExitCodes.badInput(err, e.getMessage());
        }
        result.removedTemporary().forEach(file -> out.println("removed temporary file " + file));
        result.removedOrphans().forEach(file -> out.println("removed orphan artifact " + file));
        out.flush();
        err.println(result.summary());
        err.flush();
        return result.keptOrphansBecause().isPresent() ? ExitCodes.FOUND : ExitCodes.OK;
    }
}
