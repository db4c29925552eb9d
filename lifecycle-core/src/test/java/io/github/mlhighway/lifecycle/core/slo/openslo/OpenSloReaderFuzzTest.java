package io.github.mlhighway.lifecycle.core.slo.openslo;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.mlhighway.lifecycle.core.slo.prometheus.PrometheusRules;
import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the OpenSLO reader, the converter and the rule generator with Jazzer: whatever the bytes, the only
 * outcomes are a value or the library's own {@link SloSpecException} whose every problem has a location, a path
 * and a message. Any other exception, a hang or running out of memory is a finding.
 *
 * <p>In {@code mvn verify} this runs in Jazzer's regression mode: once over each input of the committed corpus,
 * {@code src/test/resources/io/github/mlhighway/lifecycle/core/slo/openslo/OpenSloReaderFuzzTestInputs/
 * readerReturnsAValueOrItsOwnException} (every hostile input of the regression tests, the OpenSLO SDK's and
 * oslo's files, the project's examples), in a few seconds. To fuzz for real (up to {@code maxDuration}; new
 * findings are written to that folder, to be committed with their fix):
 * <pre>
 * JAZZER_FUZZ=1 mvn -o -pl lifecycle-api,lifecycle-core test -Dtest=OpenSloReaderFuzzTest -Djazzer.max_duration=1h
 * </pre>
 * (the {@code jazzer-fuzz} profile, active with {@code JAZZER_FUZZ}, turns Jazzer's instrumentation back on; the
 * regression runs go without it, about four times faster). A 30-second run found the input
 * {@code finding-two-empty-complex-keys.yaml} (a problem with an empty path), now fixed and in the corpus.
 */
class OpenSloReaderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void readerReturnsAValueOrItsOwnException(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            OpenSloFile file = new OpenSloReader().read(text, "fuzz.yaml");
            OpenSloConversion conversion = new OpenSloConverter().convert(file);
            new OpenSloWriter().write(file.documents());
            if (!conversion.slos().isEmpty()) {
                new PrometheusRules().yaml(conversion.slos());
            }
        } catch (SloSpecException e) {
            assertThat(e.problems()).isNotEmpty();
            for (SloSpecException.Problem problem : e.problems()) {
                assertThat(problem.source()).isNotBlank();
                assertThat(problem.path()).isNotBlank();
                assertThat(problem.message()).isNotBlank().doesNotContain("Exception");
            }
        }
    }
}
