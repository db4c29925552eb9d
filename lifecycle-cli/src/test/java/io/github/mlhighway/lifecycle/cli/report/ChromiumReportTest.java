package io.github.mlhighway.lifecycle.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.mlhighway.lifecycle.cli.RequiredTool;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in a real, headless Chromium: every chart must get a non-empty bounding box (measured by a
 * probe script added to a copy of the page), and the report as written, which holds no script at all, must put
 * chart pixels on a screenshot. (Chromium's {@code scriptEnabled=false} setting stops headless screenshots, so the
 * script-free page itself is the no-JavaScript case.) Skipped when no Chromium binary is on the PATH.
 */
class ChromiumReportTest {

    private static final long BROWSER_TIMEOUT_SECONDS = 60;
    private static final Instant GENERATED = Instant.parse("2026-01-02T08:00:00Z");
    /** Test-only probe: writes each chart's rendered bounding box into a data attribute for --dump-dom. */
    private static final String PROBE = "<script>document.querySelectorAll('svg.chart').forEach(function(s){"
            + "var b=s.getBBox();s.setAttribute('data-bbox',b.width+'x'+b.height);});"
            + "document.body.setAttribute('data-probe','done');</script>";

    @TempDir
    static Path temp;

    private static Optional<Path> chromium;
    private static String html;

    @BeforeAll
    static void renderTheFixtureStoreIfABrowserIsThere() {
        chromium = findChromium();
        if (chromium.isPresent()) {
            ReportFixture fixture = ReportFixture.populate(temp.resolve("store"));
            html = HtmlReport.render(ReportInputs.load(fixture.directory, fixture.clock), GENERATED);
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyChartGetsANonEmptyBoundingBoxInAHeadlessBrowser() throws Exception {
        assumeChromium();
        int charts = Svg.charts(html).size();
        assertThat(charts).isGreaterThan(10);
        Path page = temp.resolve("probe.html");
        Files.writeString(page, html.replace("</body>", PROBE + "</body>"));

        String dom = run(List.of("--dump-dom", page.toUri().toString()), temp.resolve("dom.html"));

        assertThat(dom).contains("data-probe=\"done\"");
        Matcher svg = Pattern.compile("<svg [^>]*class=\"chart\"[^>]*>").matcher(dom);
        List<String> measured = new ArrayList<>();
        while (svg.find()) {
            Matcher box = Pattern.compile("data-bbox=\"([0-9.]+)x([0-9.]+)\"").matcher(svg.group());
            assertThat(box.find()).as("measured: %s", svg.group()).isTrue();
            assertThat(Double.parseDouble(box.group(1))).as("width of %s", svg.group()).isPositive();
            assertThat(Double.parseDouble(box.group(2))).as("height of %s", svg.group()).isPositive();
            measured.add(svg.group());
        }
        assertThat(measured).hasSize(charts);
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void theScriptFreePageDrawsItsCharts() throws Exception {
        assumeChromium();
        Path page = temp.resolve("report.html");
        Files.writeString(page, html);
        Path png = temp.resolve("report.png");

        run(List.of("--hide-scrollbars", "--window-size=1000,6000",
                "--screenshot=" + png, page.toUri().toString()), temp.resolve("screenshot.log"));

        assertThat(png).exists();
        keepForPeople(page, png);
        BufferedImage image = ImageIO.read(png.toFile());
        int blue = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (b > 150 && r < 80 && g > 90 && g < 150) {   // the first series colour, #1f77b4
                    blue++;
                }
            }
        }
        assertThat(blue).as("pixels of drawn chart lines in the first screen").isGreaterThan(200);
    }

    private static void assumeChromium() {
        RequiredTool.require(chromium.isPresent(), "no chromium, chromium-browser or google-chrome on the PATH: "
                + "install Chromium (apt-get install chromium; .ci/run does) to run the headless-browser report test");
    }

    /** Runs Chromium headless with the given arguments; returns its stdout. Kills it if it hangs. */
    private static String run(List<String> arguments, Path output) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.orElseThrow().toString(), "--headless",
                "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(temp, "profile")));
        command.addAll(arguments);
        Path errors = Files.createTempFile(temp, "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(errors.toFile()).start();
        if (!process.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("Chromium did not finish within " + BROWSER_TIMEOUT_SECONDS + " s: " + command);
        }
        assertThat(process.exitValue()).as("chromium exit code; stderr: %s", Files.readString(errors)).isZero();
        return Files.readString(output);
    }

    /** Leaves the page and its screenshot in target/chromium-report for a person (or CI artifact) to look at. */
    private static void keepForPeople(Path page, Path png) throws java.io.IOException {
        Path kept = Files.createDirectories(Path.of("target", "chromium-report"));
        Files.copy(page, kept.resolve("report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(png, kept.resolve("report.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Optional<Path> findChromium() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            Optional<Path> found = Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name))
                    .filter(Files::isExecutable).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
