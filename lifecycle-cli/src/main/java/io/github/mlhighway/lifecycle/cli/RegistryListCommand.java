package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.store.Store;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lifecycle registry list DIR}: every model with its aliases and versions. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List every model of a store's registry: its aliases, then one line per version with its "
                + "creation time, metrics, artifact count and the aliases pointing at it.",
            "A version or alias book that cannot be read is reported on stderr and the rest is listed. The store is "
                + "opened read-only.",
            "Exit codes: 0 listed, 1 listed but some documents could not be read, 2 bad input."})
final class RegistryListCommand implements Callable<Integer> {

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = StoreLocations.DESCRIPTION)
    private @Nullable String directory;

    /**
     * Lists the registry.
     *
     * @return 0 when listed, 2 on bad input
     */
    @Override
    public Integer call() {
        CommandSpec spec = Picocli.injected(this.spec, "@Spec");
        String directory = Picocli.injected(this.directory, "STORE");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String missing = StoreLocations.missing(directory);
        if (missing != null) {
            return ExitCodes.badInput(err, missing);
        }
        List<String> unreadable = new ArrayList<>();
        try (Store store = StoreLocations.openExisting(directory)) {
            ModelRegistry registry = StoreLocations.registry(store);
            List<String> models = registry.models();
            if (models.isEmpty()) {
                out.println("no models in " + StoreLocations.label(directory));
            }
            for (String model : models) {
                print(out, registry, model, unreadable);
            }
            out.flush();
        } catch (RuntimeException e) {
            return ExitCodes.badInput(err, e.getMessage());
        }
        unreadable.forEach(problem -> err.println("error: " + problem));
        err.flush();
        return unreadable.isEmpty() ? ExitCodes.OK : ExitCodes.FOUND;
    }

    private static void print(PrintWriter out, ModelRegistry registry, String model, List<String> unreadable) {
        Map<String, Integer> aliases = Map.of();
        try {
            aliases = new TreeMap<>(registry.aliases(model));
        } catch (RuntimeException e) {
            unreadable.add(e.getMessage());
        }
        Map<String, Integer> pointers = aliases;
        out.println(model);
        out.println("  aliases: " + (aliases.isEmpty() ? "none" : aliases.entrySet().stream()
                .map(e -> e.getKey() + " -> " + e.getValue()).collect(Collectors.joining(", "))));
        for (int number : registry.versionNumbers(model)) {
            ModelVersion version;
            try {
                version = registry.version(ModelRef.ofVersion(model, number));
            } catch (RuntimeException e) {
                unreadable.add(e.getMessage());
                out.println("  v" + number + "  unreadable (see stderr)");
                continue;
            }
            String pointing = pointers.entrySet().stream().filter(e -> e.getValue() == number)
                    .map(Map.Entry::getKey).collect(Collectors.joining(", "));
            out.println("  v" + version.version() + "  " + version.createdAt() + "  "
                    + (version.metrics().isEmpty() ? "no metrics" : RegistryText.pairs(version.metrics())) + "  "
                    + version.artifacts().size() + (version.artifacts().size() == 1 ? " artifact" : " artifacts")
                    + (pointing.isEmpty() ? "" : "  [" + pointing + "]"));
        }
    }
}
