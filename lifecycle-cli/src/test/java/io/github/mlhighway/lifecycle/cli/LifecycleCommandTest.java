package io.github.mlhighway.lifecycle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LifecycleCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "slo", "slo check", "slo rules"})
    void everyLevelAnswersHelpAndVersion(String command) {
        List<String> words = command.isEmpty() ? List.of() : List.of(command.split(" "));

        CommandRun help = CommandRun.of(with(words, "--help"));
        CommandRun version = CommandRun.of(with(words, "--version"));

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: lifecycle" + (command.isEmpty() ? "" : " " + command));
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("lifecycle ");
    }

    @Test
    void theRootListsTheSloGroup() {
        assertThat(CommandRun.of("--help").out()).contains("slo", "Check OpenSLO specs");
    }

    @Test
    void aGroupWithoutSubcommandIsAUsageError() {
        CommandRun run = CommandRun.of("slo");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing subcommand: choose one of [check, rules]");
    }

    private static String[] with(List<String> words, String option) {
        String[] args = words.toArray(new String[words.size() + 1]);
        args[words.size()] = option;
        return args;
    }
}
