package io.github.mlhighway.lifecycle.testkit.arbitraries;

import static io.github.mlhighway.lifecycle.testkit.docs.JavadocExamples.copy;
import static io.github.mlhighway.lifecycle.testkit.docs.JavadocExamples.example;
import static io.github.mlhighway.lifecycle.testkit.assertions.LifecycleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The example of {@link LifecycleArbitraries}' javadoc, run as a property; an example keeps the two copies equal. */
class LifecycleArbitrariesJavadocExampleTest {

    private static final Path SOURCE = Path.of("src/main/java/io/github/mlhighway/lifecycle/testkit/arbitraries/"
            + "LifecycleArbitraries.java");
    private static final Path THIS_TEST = Path.of("src/test/java/io/github/mlhighway/lifecycle/testkit/arbitraries/"
            + "LifecycleArbitrariesJavadocExampleTest.java");

    private final TestClock clock = TestClock.create();

    // --- javadoc: LifecycleArbitraries ---
    @Property
    void aFastBurnExhaustsTheBudget(@ForAll("bursts") EventStream stream) {
        SloTracker tracker = SloTracker.create(Slo.ratio("api").objective(0.999).build(), clock);
        stream.seconds().forEach(second -> tracker.record(second.good(), second.total()));
        assertThat(tracker.budget()).isExhausted();
    }

    @Provide
    Arbitrary<EventStream> bursts() {
        return LifecycleArbitraries.eventStreams(0.999, 14.4).seconds(3_600, 7_200);
    }
    // --- javadoc: end ---

    @Example
    void theLifecycleArbitrariesJavadocShowsTheCodeThisTestRuns() {
        assertThat(copy(THIS_TEST, "LifecycleArbitraries")).isEqualTo(example(SOURCE, 0));
    }
}
