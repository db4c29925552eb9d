package io.github.mlhighway.lifecycle.samples.slos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceSlosTest {

    @Test
    void aTwentyFoldBurnPagesOpensOneIncidentAndFreezesReleasesButNotTheSecurityFix(@TempDir Path store)
            throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int incidents = ServiceSlos.run(store, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(incidents).isEqualTo(1);
        assertThat(out).contains("PAGE page-1h").contains("over 30 days")
                .containsPattern("Release model-v3: \\[FREEZE_RELEASES.*\\], blocked")
                .containsPattern("Security fix cve-1: \\[.*\\], allowed");
        assertThat(Files.list(store.resolve("slo-state"))).isNotEmpty();
    }
}
