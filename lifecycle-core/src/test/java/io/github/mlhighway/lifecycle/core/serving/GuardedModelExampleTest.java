package io.github.mlhighway.lifecycle.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.release.ReleaseTrafficPlan;
import io.github.mlhighway.lifecycle.serving.LabelJudge;
import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The example of {@link GuardedModel}'s class documentation, pasted between the lines marked below. */
class GuardedModelExampleTest {

    @Test
    void theClassDocumentationExampleCompilesAndRuns() {
        Clock clock = SimClock.atDefault();
        Function<double[], Double> champion = x -> x[0];
        Function<double[], Double> challenger = x -> x[0] + 0.1;
        double[] features = {0.9};

        // --- the example, as in the javadoc ---
        Slo availability = Slo.ratio("availability").objective(0.999).rollingWindow(Duration.ofDays(28))
            .alerting(AlertPolicy.sreWorkbook(Duration.ofDays(28)).withMinimumEvents(200))   // no page on one bad call
            .build();
        Slo latency = Slo.threshold("latency", Operator.LTE, 300.0).objective(0.99).build();  // milliseconds
        Slo accuracy = Slo.timeslices("accuracy").atLeast(0.7).slice(Duration.ofHours(1)).objective(0.95)
            .rollingWindow(Duration.ofDays(7)).build();
        GuardedModel<double[], Double> model = GuardedModel.<double[], Double>builder("rain")
            .version("rain@3", champion)
            .clock(clock)
            .slos(availability, latency, accuracy)           // templates, renamed per version and per cohort
            .maxConcurrentCalls(64)
            .fallback(x -> 0.0)
            .labels(LabelJudge.withinAbsoluteError(0.5), 100_000, Duration.ofDays(2))
            .build();
        model.addVersion("rain@4", challenger);              // a release brings its candidate to the running model
        ReleaseTrafficPlan plan = new ReleaseTrafficPlan("rain@3", "baseline");
        model.trafficPlan(plan);                             // the release controller publishes its steps in it
        double y = model.predict("request-1", "user-42", features);
        model.label("request-1", 1.0);                       // a day later
        List<AlertState> pages = model.versionTrackers("rain@4").firingPages();
        // --- end of the example ---

        assertThat(y).isEqualTo(0.9);
        assertThat(model.labelStats().correct()).isEqualTo(1);
        assertThat(pages).isEmpty();
        assertThat(model.versions()).containsExactly("rain@3", "rain@4");
        assertThat(model.versionTrackers("rain@4").availability().slo().alerting().minimumEvents()).isEqualTo(200);
    }

    @Test
    void theExampleHereIsTheOneInTheJavadoc() throws IOException {
        String pkg = "io/github/mlhighway/lifecycle/core/serving/";
        String javadoc = Files.readString(Path.of("src/main/java", pkg, "GuardedModel.java"));
        String example = javadoc.substring(javadoc.indexOf("<pre>{@code") + "<pre>{@code".length(),
                javadoc.indexOf("}</pre>"));
        String fromJavadoc = example.lines().map(line -> line.replaceFirst("^ \\* ?", "")).filter(l -> !l.isBlank())
                .collect(Collectors.joining("\n"));
        String test = Files.readString(Path.of("src/test/java", pkg, "GuardedModelExampleTest.java"));
        String pasted = test.substring(test.indexOf("// --- the example, as in the javadoc ---"),
                test.indexOf("// --- end of the example ---"));
        String fromTest = pasted.lines().skip(1).map(line -> line.replaceFirst("^ {8}", ""))
                .filter(l -> !l.isBlank()).collect(Collectors.joining("\n"));
        assertThat(fromTest).isEqualTo(fromJavadoc);
    }
}
