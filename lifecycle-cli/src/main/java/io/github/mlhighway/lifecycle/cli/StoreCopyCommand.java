package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.jdbc.StoreCopy;
import io.github.mlhighway.lifecycle.store.Store;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lifecycle store copy FROM TO}: copies a whole store, e.g. a directory into PostgreSQL. */
@Command(name = "copy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Copy every artifact and document of a store into another (directory <-> PostgreSQL). Every "
                + "artifact is read through its SHA-256 and must be filed under the same digest in the target; "
                + "documents are verified as they are read. Idempotent: run it again after an interruption to "
                + "finish.",
            "Exit codes: 0 copied, 1 a digest did not match or a store failed, 2 bad input."})
final class StoreCopyCommand implements Callable<Integer> {

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FROM", description = "The source store: " + "a directory or a URL.")
    private @Nullable String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The target store (created or migrated if needed).")
    private @Nullable String to;

    /**
     * Copies the store.
     *
     * @return 0 when copied, 1 on a failure while copying, 2 on bad input
     */
    @Override
    public Integer call() {
        CommandSpec spec = Picocli.injected(this.spec, "@Spec");
        String from = Picocli.injected(this.from, "FROM");
        String to = Picocli.injected(this.to, "TO");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String missing = StoreLocations.missing(from);
        if (missing != null) {
            return ExitCodes.badInput(err, missing);
        }
        try (Store source = Stores.openExisting(from); Store target = Stores.open(to)) {
            StoreCopy.Result result = StoreCopy.copy(source, target);
            out.println(result.summary() + " from " + StoreLocations.label(from) + " to " + StoreLocations.label(to));
            out.flush();
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            return ExitCodes.badInput(err, e.getMessage());
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.FOUND;
        }
    }
}
