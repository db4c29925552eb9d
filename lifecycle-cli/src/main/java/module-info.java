/**
 * The {@code lifecycle} command (picocli). The commands are not API; the module exports the entry point and the HTML
 * report, and opens the command packages to picocli, which reads their annotations and sets their fields.
 */
module io.github.mlhighway.lifecycle.cli {
    requires transitive io.github.mlhighway.lifecycle.core;
    requires io.github.mlhighway.lifecycle.jdbc;
    requires transitive info.picocli;

    exports io.github.mlhighway.lifecycle.cli;
    exports io.github.mlhighway.lifecycle.cli.report;

    opens io.github.mlhighway.lifecycle.cli to info.picocli;
}
