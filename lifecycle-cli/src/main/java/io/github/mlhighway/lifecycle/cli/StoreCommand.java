package io.github.mlhighway.lifecycle.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code store} group: tools for the embedded directory store. */
@Command(name = "store", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Verify the embedded directory store and reclaim what crashes left in it.",
        subcommands = {StoreCheckCommand.class, StoreGcCommand.class})
public final class StoreCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand: a usage error that lists the subcommands. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: choose one of "
                + spec.subcommands().keySet());
    }
}
