package io.github.mlhighway.lifecycle.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code slo} group: check OpenSLO specs and turn them into Prometheus rules. */
@Command(name = "slo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check OpenSLO specs and generate Prometheus rules from them.",
        subcommands = {SloCheckCommand.class, SloRulesCommand.class})
final class SloCommand implements Runnable {

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
