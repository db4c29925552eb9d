package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.registry.AliasMove;
import io.github.mlhighway.lifecycle.registry.ArtifactIntegrityException;
import io.github.mlhighway.lifecycle.registry.ArtifactRef;
import io.github.mlhighway.lifecycle.registry.LineageRef;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.store.Store;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lifecycle lineage STORE MODEL[@VERSION|:ALIAS]}: where a model version came from and what it is made of. */
@Command(name = "lineage", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print a model version: its metadata, its lineage references (runs, data sets, profiles, "
                + "verdicts) and every artifact with its SHA-256. With --verify, hash every artifact too.",
            "The store is opened read-only.",
            "Exit codes: 0 shown (and verified), 1 an artifact failed verification, 2 bad input (including a store "
                + "whose documents cannot be read)."})
final class LineageCommand implements Callable<Integer> {

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = StoreLocations.DESCRIPTION)
    private @Nullable String directory;

    @Parameters(index = "1", paramLabel = "MODEL[@VERSION|:ALIAS]",
            description = "The version, e.g. rain@3 or rain:champion.")
    private @Nullable String reference;

    @Option(names = "--verify", description = "Hash every artifact and report any that does not match.")
    private boolean verify;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "With MODEL:ALIAS, the version the alias pointed at at this instant (ISO-8601, e.g. "
                    + "2026-03-01T12:00:00Z), from the alias history.")
    private @Nullable Instant at;

    /**
     * Shows the version.
     *
     * @return 0 when shown, 1 when an artifact failed verification, 2 on bad input
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
        try (Store store = StoreLocations.openExisting(directory)) {
            return show(out, err, StoreLocations.registry(store));
        } catch (RuntimeException e) {
            return ExitCodes.badInput(err, e.getMessage());
        }
    }

    private int show(PrintWriter out, PrintWriter err, ModelRegistry registry) {
        ModelRef ref;
        ModelVersion version;
        String reference = Picocli.injected(this.reference, "MODEL[@VERSION|:ALIAS]");
        Instant at = this.at;
        try {
            ref = ModelRef.parse(reference);
            if (at != null) {
                if (!ref.isAlias()) {
                    return ExitCodes.badInput(err, "--at needs MODEL:ALIAS, not " + reference);
                }
                String alias = Objects.requireNonNull(ref.alias(), "an alias reference has an alias");
                OptionalInt then = registry.aliasAt(ref.model(), alias, at);
                if (then.isEmpty()) {
                    return ExitCodes.badInput(err, "alias " + ref + " was not set at " + at + "; its history: "
                            + registry.aliasHistory(ref.model(), alias).stream()
                                    .map(m -> m.movedAt() + " -> v" + m.toVersion()).toList());
                }
                out.println(ref + " at " + at + ": version " + then.getAsInt());
                ref = ModelRef.ofVersion(ref.model(), then.getAsInt());
            }
            version = registry.version(ref);
            print(out, registry, version);
        } catch (RuntimeException e) {
            out.flush();
            return ExitCodes.badInput(err, e.getMessage());
        }
        int exit = ExitCodes.OK;
        if (verify) {
            try {
                registry.load(ModelRef.ofVersion(version.model(), version.version()));
                out.println("verified: every artifact matches its SHA-256");
            } catch (ArtifactIntegrityException e) {
                err.println("error: " + e.getMessage());
                exit = ExitCodes.FOUND;
            } catch (RuntimeException e) {
                err.println("error: cannot verify " + version.ref() + ": " + e.getMessage());
                exit = ExitCodes.FOUND;
            }
        }
        out.flush();
        err.flush();
        return exit;
    }

    private static void print(PrintWriter out, ModelRegistry registry, ModelVersion version) {
        String aliases = registry.aliases(version.model()).entrySet().stream()
                .filter(e -> e.getValue() == version.version()).map(e -> e.getKey())
                .collect(Collectors.joining(", "));
        out.println(version.ref() + (aliases.isEmpty() ? "" : " (" + aliases + ")"));
        out.println("created:    " + version.createdAt());
        out.println("parameters: " + RegistryText.pairs(version.parameters()));
        out.println("metrics:    " + RegistryText.pairs(version.metrics()));
        out.println("tags:       " + RegistryText.pairs(version.tags()));
        out.println("lineage:" + (version.lineage().isEmpty() ? " none" : ""));
        for (LineageRef lineage : version.lineage()) {
            out.println(String.format("  %-13s %s%s", lineage.kind(), lineage.id(),
                    lineage.note().isEmpty() ? "" : "  (" + lineage.note() + ")"));
        }
        out.println("artifacts:" + (version.artifacts().isEmpty() ? " none" : ""));
        for (ArtifactRef artifact : version.artifacts()) {
            out.println("  " + artifact.name() + "  sha256:" + artifact.sha256() + "  " + artifact.size() + " bytes");
        }
        List<AliasMove> moves = registry.aliasMoves(version.model());
        out.println("alias history:" + (moves.isEmpty() ? " none" : ""));
        for (AliasMove move : moves) {
            out.println(String.format("  #%d  %s  %s: %s -> v%d  %s", move.sequence(), move.movedAt(), move.alias(),
                    move.fromVersion() <= 0 ? "(new)" : "v" + move.fromVersion(), move.toVersion(),
                    move.override() != null ? "override" : move.verdict() != null
                            ? move.verdict().outcome() + " (" + move.verdict().gate() + ")" : ""));
        }
    }
}
