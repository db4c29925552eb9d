package io.github.mlhighway.lifecycle.samples.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.release.ReleasePhase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryRollbackTest {

    @Test
    void theBrokenBuildIsRolledBackWithOneIncidentAndTheSoundOneIsPromotedWithTheAlias() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<ReleasePhase> phases = CanaryRollback.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(phases).containsExactly(ReleasePhase.ROLLED_BACK, ReleasePhase.PROMOTED);
        assertThat(out).contains("champion -> rain@3");
        assertThat(out.lines().filter(line -> line.startsWith("Incident "))).hasSize(1);
        assertThat(out).contains("ROLLED_BACK").contains("page alert");
    }
}
