package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.core.store.StoreCheck;
import io.github.mlhighway.lifecycle.core.store.StoreCheckResult;
import io.github.mlhighway.lifecycle.jdbc.PostgresLocation;
import io.github.mlhighway.lifecycle.jdbc.PostgresStore;
import io.github.mlhighway.lifecycle.jdbc.PostgresStoreCheck;
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

/** {@code lifecycle store check DIR}: verify every document and artifact of a store. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Verify that every document of a store parses and passes its SHA-256 envelope check, that "
                + "every artifact matches its digest, and that every referenced artifact exists. Prints one line "
                + "per problem: links, FIFOs and devices where documents, artifacts or collections belong, "
                + "unparsable registry versions, aliases pointing at missing versions. Then lists the left-overs of "
                + "interrupted writes (temporary files, orphan artifacts) with their age; they are not problems, "
                + "and `store gc` removes those older than --min-age.",
            "Exit codes: 0 clean, 1 problems found, 2 bad input."})
final class StoreCheckCommand implements Callable<Integer> {

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = StoreLocations.DESCRIPTION)
    private @Nullable String directory;

    @Option(names = "--min-age", paramLabel = "AGE", defaultValue = "1h", converter = AgeConverter.class,
            description = "How old a left-over must be to be called stale, i.e. what `store gc` would remove "
                    + "(default: ${DEFAULT-VALUE}).")
    private Duration minimumAge = Duration.ofHours(1);

    /**
     * Checks the store.
     *
     * @return 0 when clean, 1 with problems, 2 on bad input
     */
    @Override
    public Integer call() {
        CommandSpec spec = Picocli.injected(this.spec, "@Spec");
        String directory = Picocli.injected(this.directory, "STORE");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (PostgresLocation.isPostgres(directory)) {
            return checkPostgres(directory, out, err);
        }
        String missing = StoreLocations.missing(directory);
        if (missing != null) {
            return ExitCodes.badInput(err, missing);
        }
        StoreCheckResult result;
        try {
            result = StoreCheck.run(Path.of(directory), Clock.systemUTC(), minimumAge);
        } catch (RuntimeException e) {
            return ExitCodes.badInput(err, e.getMessage());
        }
        result.problems().forEach(out::println);
        result.reclaimable().forEach(line -> out.println("left-over: " + line));
        out.flush();
        err.println(result.summary());
        err.flush();
        return result.isClean() ? ExitCodes.OK : ExitCodes.FOUND;
    }

    private int checkPostgres(String directory, PrintWriter out, PrintWriter err) {
        PostgresStoreCheck.Result result;
        try (PostgresStore store = PostgresStore.open(directory, Clock.systemUTC())) {
            result = PostgresStoreCheck.run(store);
        } catch (RuntimeException e) {
            return ExitCodes.badInput(err, e.getMessage());
        }
        result.problems().forEach(out::println);
        result.orphans().forEach(orphan -> out.println("orphan artifact (no document references it): " + orphan));
        out.flush();
        err.println(result.summary());
        err.flush();
        return result.isClean() ? ExitCodes.OK : ExitCodes.FOUND;
    }
}
