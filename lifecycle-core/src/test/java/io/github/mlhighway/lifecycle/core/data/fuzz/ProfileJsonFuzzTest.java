package io.github.mlhighway.lifecycle.core.data.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileFormatException;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any bytes given to the profile JSON reader become a profile or a {@link ProfileFormatException} with a message;
 * a profile read can be written and read back, with the same columns and counts.
 *
 * <p>In {@code mvn verify} this runs in Jazzer's regression mode over the committed inputs in
 * {@code src/test/resources/.../fuzz/ProfileJsonFuzzTestInputs/readsEveryInputOrRefusesItWithAMessage}. To fuzz:
 * {@code JAZZER_FUZZ=1 mvn -o -pl lifecycle-api,lifecycle-core test -Dtest=ProfileJsonFuzzTest
 * -Djazzer.max_duration=10m}.
 */
class ProfileJsonFuzzTest {

    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("fuzz-profile", ".json");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void readsEveryInputOrRefusesItWithAMessage(byte[] input) throws IOException {
        Files.write(FILE, input);
        DatasetProfile profile;
        try {
            profile = ProfileJson.read(FILE);
        } catch (ProfileFormatException refused) {
            assertThat(refused.getMessage()).startsWith(FILE.toString()).hasSizeGreaterThan(FILE.toString().length()
                    + 2);
            return;
        }
        DatasetProfile again = ProfileJson.read(ProfileJson.write(profile));
        assertThat(again.columnNames()).isEqualTo(profile.columnNames());
        assertThat(again.rowCount()).isEqualTo(profile.rowCount());
    }
}
