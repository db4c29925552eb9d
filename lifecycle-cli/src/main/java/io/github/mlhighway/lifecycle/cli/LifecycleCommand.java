package io.github.mlhighway.lifecycle.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command, {@code lifecycle}: SRE practice for ML systems from the command line. */
@Command(name = "lifecycle", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "SRE for ML systems: SLOs and burn-rate alerts, data drift, runs, the model registry, reports.",
        subcommands = {SloCommand.class, DataCommand.class, RunsCommand.class, RegistryCommand.class,
            LineageCommand.class, StoreCommand.class, ReportCommand.class})
public final class LifecycleCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * A fresh command line of the root command, for running it in-process (tests, embedding).
     *
     * @return the command line
     */
    public static CommandLine commandLine() {
        return new CommandLine(new LifecycleCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Without a subcommand: a usage error that lists the subcommands. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: choose one of "
                + spec.subcommands().keySet());
    }
}
