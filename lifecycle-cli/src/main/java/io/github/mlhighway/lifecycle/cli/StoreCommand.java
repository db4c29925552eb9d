package io.github.mlhighway.lifecycle.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code store} group: check a store, copy one to another (directory or PostgreSQL). */
@Command(name = "store", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Verify a store (a directory or jdbc:postgresql:// URL), copy one to another, or reclaim what"
                + " crashes left in a directory store.",
        subcommands = {StoreCheckCommand.class, StoreCopyCommand.class, StoreGcCommand.class})
final class StoreCommand implements Runnable {

    @Spec
    private @Nullable CommandSpec spec;

    /** Without a subcommand: a usage error that lists the subcommands. */
    @Override
    public void run() {
        CommandSpec spec = Picocli.injected(this.spec, "@Spec");
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: choose one of "
                + spec.subcommands().keySet());
    }
}
