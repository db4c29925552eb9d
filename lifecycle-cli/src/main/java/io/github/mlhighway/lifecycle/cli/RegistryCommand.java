package io.github.mlhighway.lifecycle.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code registry} group: look at the model registry of a store. */
@Command(name = "registry", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show the models, versions and aliases of a store's model registry.",
        subcommands = {RegistryListCommand.class})
final class RegistryCommand implements Runnable {

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
