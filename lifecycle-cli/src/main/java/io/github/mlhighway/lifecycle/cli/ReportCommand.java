package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.cli.report.HtmlReport;
import io.github.mlhighway.lifecycle.cli.report.ReportInputs;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.store.AtomicFiles;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lifecycle report DIR -o report.html}: one self-contained HTML report of what a store recorded. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write one self-contained HTML file (inline CSS and SVG charts, no script, no external "
                + "assets) showing what a store recorded: SLO error-budget burn-down and burn rates, drift per "
                + "feature, champion and challenger metrics with confidence intervals, canary weight over time, "
                + "the incident timeline with postmortem drafts, the model registry, and what happened when.",
            "Exit codes: 0 written, 2 bad input (missing directory, not a store, store unreadable, output not "
                + "writable)."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = StoreLocations.DESCRIPTION)
    private @Nullable String directory;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "report.html",
            description = "The HTML file to write (default: ${DEFAULT-VALUE}).")
    private Path output = Path.of("report.html");

    /**
     * Writes the report.
     *
     * @return 0 when written, 2 on bad input (including a store that cannot be read)
     */
    @Override
    public Integer call() {
        CommandSpec spec = Picocli.injected(this.spec, "@Spec");
        String directory = Picocli.injected(this.directory, "STORE");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path written;
        try {
            if (Stores.isUrl(directory)) {
                try (Store store = StoreLocations.openExisting(directory)) {
                    Clock clock = Clock.systemUTC();
                    ReportInputs inputs = ReportInputs.from(store, StoreLocations.label(directory),
                            ModelRegistries.on(store, Stores.artifactsOf(store), clock), clock);
                    written = output.toAbsolutePath().normalize();
                    AtomicFiles.writeString(written, HtmlReport.render(inputs, clock.instant()));
                }
            } else {
                written = HtmlReport.write(Path.of(directory), output, Clock.systemUTC());
            }
        } catch (IllegalArgumentException | UncheckedIOException | StoreException e) {
            return ExitCodes.badInput(err, e.getMessage());
        }
        out.println("wrote " + written);
        out.flush();
        return ExitCodes.OK;
    }
}
