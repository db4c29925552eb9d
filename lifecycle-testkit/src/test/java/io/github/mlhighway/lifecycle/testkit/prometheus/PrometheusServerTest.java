package io.github.mlhighway.lifecycle.testkit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** How the test helper behaves without a binary, and the configuration it writes. */
class PrometheusServerTest {

    @Test
    void withoutABinaryATestFailsUnderCi() {
        assertThatThrownBy(() -> PrometheusServer.startOrSkip(Optional.empty(), true, Duration.ofSeconds(1),
                List.of("127.0.0.1:9")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("CI=true and the Prometheus server tests cannot run: No Prometheus server"
                        + " binary found")
                .hasMessageContaining("apt-get install prometheus");
    }

    @Test
    void withoutABinaryATestIsSkippedOutsideCiSayingWhy() {
        assertThatThrownBy(() -> PrometheusServer.startOrSkip(Optional.empty(), false, Duration.ofSeconds(1),
                List.of("127.0.0.1:9")))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Prometheus server tests skipped: No Prometheus server binary found");
    }

    @Test
    void theConfigurationScrapesTheTargetsAtTheInterval() {
        assertThat(PrometheusServer.config(Duration.ofSeconds(1), List.of("127.0.0.1:8080", "127.0.0.1:8081")))
                .isEqualTo("global:\n"
                        + "  scrape_interval: 1000ms\n"
                        + "  scrape_timeout: 1000ms\n"
                        + "  evaluation_interval: 1000ms\n"
                        + "scrape_configs:\n"
                        + "  - job_name: lifecycle-test\n"
                        + "    static_configs:\n"
                        + "      - targets: ['127.0.0.1:8080', '127.0.0.1:8081']\n");
    }

    @Test
    void aTargetMustBeHostAndPort() {
        assertThatThrownBy(() -> PrometheusServer.start(Optional.empty(), Duration.ofSeconds(1),
                List.of("http://127.0.0.1:8080/metrics")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A scrape target is host:port, not 'http://127.0.0.1:8080/metrics'");
    }
}
