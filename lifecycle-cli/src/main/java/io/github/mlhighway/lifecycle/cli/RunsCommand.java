package io.github.mlhighway.lifecycle.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code runs} group: inspect pipeline runs recorded in a store. */
@Command(name = "runs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Inspect pipeline runs recorded in a store directory.",
        subcommands = {RunsShowCommand.class})
final class RunsCommand implements Runnable {

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
