package io.github.mlhighway.lifecycle.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code data} group: profile data sets and compare them for drift. */
@Command(name = "data", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Profile CSV data and test it for drift against a reference.",
        subcommands = {DataProfileCommand.class, DataDriftCommand.class})
final class DataCommand implements Runnable {

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
