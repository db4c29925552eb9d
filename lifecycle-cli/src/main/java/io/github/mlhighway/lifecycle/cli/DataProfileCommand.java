package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lifecycle data profile FILE.csv [-o profile.json]}: a mergeable profile of every column. */
@Command(name = "profile", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Profile every column of a CSV file (counts, nulls, min/max, mean and variance, quantile, "
                + "frequent-item and distinct-count sketches, histogram) and write the profile as JSON.",
            "Exit codes: 0 written, 2 bad input."})
final class DataProfileCommand implements Callable<Integer> {

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The CSV file (header row, types inferred).")
    private @Nullable Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.json", description = "Where to write the profile; "
            + "stdout if absent.")
    private @Nullable Path output;

    @Option(names = {"-w", "--where"}, paramLabel = "COLUMN=VALUE", description = "Profile only the rows whose "
            + "COLUMN reads VALUE (repeatable; all must hold), e.g. --where location=Seattle.")
    private Map<String, String> where = new LinkedHashMap<>();

    /**
     * Profiles the file.
     *
     * @return 0 when the profile was written, 2 on bad input
     */
    @Override
    public Integer call() {
        CommandSpec spec = Picocli.injected(this.spec, "@Spec");
        Path file = Picocli.injected(this.file, "FILE.csv");
        Path output = this.output;
        PrintWriter err = spec.commandLine().getErr();
        try {
            DataInput input = DataInput.load(file, where);
            DatasetProfile profile = input.profile();
            String json = profile.toJson();
            if (output == null) {
                spec.commandLine().getOut().println(json);
                spec.commandLine().getOut().flush();
            } else {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, json, StandardCharsets.UTF_8);
                err.println("profiled " + profile.rowCount() + " rows and " + profile.columns().size()
                        + " columns of " + file + " into " + output);
            }
            err.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            return ExitCodes.badInput(err, "cannot write " + output + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return ExitCodes.badInput(err, e.getMessage());
        }
    }
}
