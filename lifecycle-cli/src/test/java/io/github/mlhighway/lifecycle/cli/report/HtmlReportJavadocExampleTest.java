package io.github.mlhighway.lifecycle.cli.report;

import static io.github.mlhighway.lifecycle.testkit.docs.JavadocExamples.copy;
import static io.github.mlhighway.lifecycle.testkit.docs.JavadocExamples.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of {@link HtmlReport}'s javadoc, run on the report fixture store; a second test keeps both equal. */
class HtmlReportJavadocExampleTest {

    private static final Path SOURCE = Path.of("src/main/java/io/github/mlhighway/lifecycle/cli/report/"
            + "HtmlReport.java");
    private static final Path THIS_TEST = Path.of("src/test/java/io/github/mlhighway/lifecycle/cli/report/"
            + "HtmlReportJavadocExampleTest.java");

    @TempDir
    Path temp;

    @Test
    void theHtmlReportExampleWritesTheStoresReportNextToIt() throws IOException {
        Path storeDirectory = ReportFixture.populate(temp.resolve("lifecycle-data")).directory;
        Clock clock = TestClock.at(Instant.parse("2026-01-02T08:00:00Z"));

        // --- javadoc: HtmlReport ---
        Path page = HtmlReport.write(storeDirectory, storeDirectory.resolve("report.html"), clock);   // absolute path
        // --- javadoc: end ---

        assertThat(page).isAbsolute().isEqualTo(storeDirectory.resolve("report.html").toAbsolutePath().normalize());
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>")
                .contains("generated 2026-01-02 08:00:00 UTC")
                .contains(ReportFixture.RELEASE + " ROLLED_BACK");
    }

    @Test
    void theHtmlReportJavadocShowsTheCodeThisTestRuns() {
        assertThat(copy(THIS_TEST, "HtmlReport")).isEqualTo(example(SOURCE, 0));
    }
}
