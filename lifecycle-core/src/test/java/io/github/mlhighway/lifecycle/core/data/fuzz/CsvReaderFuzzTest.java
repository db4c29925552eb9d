package io.github.mlhighway.lifecycle.core.data.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.csv.CsvFormatException;
import io.github.mlhighway.lifecycle.core.data.csv.CsvOptions;
import io.github.mlhighway.lifecycle.core.data.csv.CsvTables;
import io.github.mlhighway.lifecycle.core.data.csv.internal.Utf8Reader;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileJson;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;

/**
 * Any bytes given to the CSV reader become a table or a {@link CsvFormatException} with a message; a table read
 * can always be profiled, and the profile written can always be read back.
 *
 * <p>In {@code mvn verify} this runs in Jazzer's regression mode over the committed inputs in
 * {@code src/test/resources/.../fuzz/CsvReaderFuzzTestInputs/readsEveryInputOrRefusesItWithAMessage} (the hostile
 * inputs of issue 17 among them). To fuzz: {@code JAZZER_FUZZ=1 mvn -o -pl lifecycle-api,lifecycle-core test
 * -Dtest=CsvReaderFuzzTest -Djazzer.max_duration=10m} (see the module README).
 */
class CsvReaderFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void readsEveryInputOrRefusesItWithAMessage(byte[] input) throws IOException {
        Table table;
        try (Reader reader = new Utf8Reader(new ByteArrayInputStream(input))) {
            table = CsvTables.read(reader, "fuzz.csv", CsvOptions.defaults());
        } catch (CsvFormatException refused) {
            assertThat(refused.getMessage()).startsWith("fuzz.csv").hasSizeGreaterThan("fuzz.csv: ".length());
            return;
        }
        DatasetProfile profile = Profiles.of(table);
        String json = ProfileJson.write(profile);
        assertThat(ProfileJson.read(json).columnNames()).isEqualTo(profile.columnNames());
    }
}
