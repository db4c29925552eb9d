package io.github.mlhighway.lifecycle.samples.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataChecksTest {

    @Test
    void seattleBatchesPassNewYorkBatchesFailAndTheSpentFeedBudgetFreezesReleases() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Verdict> verdicts = DataChecks.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        List<Verdict> seattle = verdicts.subList(0, 13);
        List<Verdict> newYork = verdicts.subList(13, verdicts.size());
        assertThat(seattle.stream().filter(Verdict::allowsProceeding).count()).isGreaterThanOrEqualTo(11);
        assertThat(newYork.stream().filter(v -> v.outcome() == Outcome.FAIL).count())
                .isGreaterThanOrEqualTo(newYork.size() / 2);
        assertThat(out).contains("TICKET").contains("Release of a model trained on this feed: frozen");
    }
}
