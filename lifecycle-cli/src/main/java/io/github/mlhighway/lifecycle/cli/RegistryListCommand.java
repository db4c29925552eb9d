package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.store.Store;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lifecycle registry list DIR}: every model with its aliases and versions. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List every model of a store's registry: its aliases, then one line per version with its "
                + "creation time, metrics, artifact count and the aliases pointing at it.",
            "Exit codes: 0 listed, 2 bad input."})
public final class RegistryListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = StoreLocations.DESCRIPTION)
    private String directory;

    /**
     * Lists the registry.
     *
     * @return 0 when listed, 2 on bad input
     */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String missing = StoreLocations.missing(directory);
        if (missing != null) {
            return ExitCodes.badInput(err, missing);
        }
        try (Store store = StoreLocations.openExisting(directory)) {
            ModelRegistry registry = StoreLocations.registry(store);
            List<String> models = registry.models();
            if (models.isEmpty()) {
                out.println("no models in " + StoreLocations.label(directory));
            }
            for (String model : models) {
                print(out, registry, model);
            }
            out.flush();
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            return ExitCodes.badInput(err, e.getMessage());
        }
    }

    private static void print(PrintWriter out, ModelRegistry registry, String model) {
        Map<String, Integer> aliases = registry.aliases(model);
        out.println(model);
        out.println("  aliases: " + (aliases.isEmpty() ? "none" : aliases.entrySet().stream()
                .map(e -> e.getKey() + " -> " + e.getValue()).collect(Collectors.joining(", "))));
        for (ModelVersion version : registry.versions(model)) {
            String pointing = aliases.entrySet().stream().filter(e -> e.getValue() == version.version())
                    .map(Map.Entry::getKey).collect(Collectors.joining(", "));
            out.println("  v" + version.version() + "  " + version.createdAt() + "  "
                    + (version.metrics().isEmpty() ? "no metrics" : RegistryText.pairs(version.metrics())) + "  "
                    + version.artifacts().size() + (version.artifacts().size() == 1 ? " artifact" : " artifacts")
                    + (pointing.isEmpty() ? "" : "  [" + pointing + "]"));
        }
    }
}
