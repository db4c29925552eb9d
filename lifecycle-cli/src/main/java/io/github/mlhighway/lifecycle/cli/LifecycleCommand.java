package io.github.mlhighway.lifecycle.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root command, {@code lifecycle}: SRE practice for ML systems from the command line. Every command exits with
 * {@link ExitCodes#BAD_INPUT 2} and a message on stderr when its output could not be written (a full disk, a
 * closed pipe): see {@link OutputCheck}.
 *
 * @since 0.1
 */
@Command(name = "lifecycle", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "SRE for ML systems: SLOs and burn-rate alerts, data drift, runs, the model registry, reports.",
        subcommands = {SloCommand.class, DataCommand.class, RunsCommand.class, RegistryCommand.class,
            LineageCommand.class, StoreCommand.class, ReportCommand.class})
public final class LifecycleCommand implements Runnable {

    @Spec
    private @Nullable CommandSpec spec;

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        CommandLine command = commandLine();
        // picocli's default writers wrap System.out, a PrintStream that swallows write errors before the writer
        // could see them; these report them through checkError(), which OutputCheck reads after every command.
        command.setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                Charset.defaultCharset()), true));
        command.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                Charset.defaultCharset()), true));
        System.exit(command.execute(args));
    }

    /**
     * A fresh command line of the root command, for running it in-process (tests, embedding).
     *
     * @return the command line
     */
    public static CommandLine commandLine() {
        CommandLine command = new CommandLine(new LifecycleCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        return command.setExecutionStrategy(parseResult -> OutputCheck.exitCode(command,
                new CommandLine.RunLast().execute(parseResult)));
    }

    /** Without a subcommand: a usage error that lists the subcommands. */
    @Override
    public void run() {
        CommandSpec spec = Picocli.injected(this.spec, "@Spec");
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: choose one of "
                + spec.subcommands().keySet());
    }
}
