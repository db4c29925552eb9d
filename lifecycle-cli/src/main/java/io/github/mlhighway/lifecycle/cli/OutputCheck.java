package io.github.mlhighway.lifecycle.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one place where a command's output is checked: a {@link PrintWriter} never throws, it only remembers that a
 * write failed, so without this check {@code lifecycle slo rules spec.yaml > /dev/full} would exit 0 with nothing
 * written. Run by the execution strategy of {@link LifecycleCommand#commandLine()} after every command.
 */
final class OutputCheck {

    private OutputCheck() {
    }

    /**
     * The exit code to use after a command ran: its own, unless its standard output or error could not be written,
     * which makes it {@link ExitCodes#BAD_INPUT} (when it was 0) with a message on stderr if stderr still works.
     *
     * @param command  the root command line, whose writers every subcommand shares
     * @param exitCode the command's exit code
     * @return the exit code to exit with
     */
    static int exitCode(CommandLine command, int exitCode) {
        boolean outFailed = command.getOut().checkError();   // flushes first
        boolean errFailed = command.getErr().checkError();
        if (!outFailed && !errFailed) {
            return exitCode;
        }
        if (!errFailed) {
            command.getErr().println("error: cannot write the output to standard output (disk full, closed pipe or "
                    + "unwritable file); what was written is incomplete");
            command.getErr().flush();
        }
        return exitCode == ExitCodes.OK ? ExitCodes.BAD_INPUT : exitCode;
    }
}
