package io.github.mlhighway.lifecycle.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's quick start (copied from {@link QuickStart} between its README markers) and checks its store. */
class QuickStartTest {

    @Test
    void theQuickStartTrainsServesAndPromotesItsCanaryMovingTheAlias(@TempDir Path store)
            throws Exception {
        ReleaseController canary = QuickStart.run(store.toString());

        assertThat(canary.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
        try (Lifecycle reopened = Lifecycle.builder().store(store).build()) {
            assertThat(reopened.registry().versions("rain")).hasSize(2);
            assertThat(reopened.registry().aliases("rain")).containsEntry("champion", 2);
            assertThat(reopened.registry().aliasMoves("rain")).hasSize(2);
            Verdict first = reopened.registry().aliasMoves("rain").get(0).verdict();
            assertThat(first.allowsProceeding()).isTrue();
            assertThat(first.hasSubject()).as("the gate's verdict names the artifact it judged").isTrue();
        }
    }

    @Test
    void runningItTwiceOnTheSameStoreRegistersNothingNew(@TempDir Path store) throws Exception {
        QuickStart.run(store.toString());
        QuickStart.run(store.toString());

        try (Lifecycle reopened = Lifecycle.builder().store(store).build()) {
            assertThat(reopened.registry().versions("rain")).hasSize(2);
        }
    }

    @Test
    void theReadmeShowsTheQuickStartAsItIsInTheSample() throws Exception {
        String source = Files.readString(Path.of("src/main/java/io/github/mlhighway/lifecycle/samples/quickstart/"
                + "QuickStart.java"), StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        List<String> lines = source.lines().dropWhile(l -> !l.contains("--- README: quick start ---")).skip(1)
                .takeWhile(l -> !l.contains("--- README: end ---")).map(l -> l.length() >= 8 ? l.substring(8) : l)
                .toList();
        assertThat(lines).hasSizeGreaterThan(20);
        assertThat(readme).contains(String.join("\n", lines));
    }
}
