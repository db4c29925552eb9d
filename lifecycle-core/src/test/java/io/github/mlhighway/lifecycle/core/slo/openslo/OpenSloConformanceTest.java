package io.github.mlhighway.lifecycle.core.slo.openslo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Conformance with the OpenSLO reference implementation: the Go SDK's valid examples load, and every input of
 * its validator oslo's test suite is refused naming the property oslo names. The files and their provenance are
 * in {@code src/test/resources/openslo-conformance}.
 */
class OpenSloConformanceTest {

    private static final Path ROOT = Path.of("src/test/resources/openslo-conformance");
    private static final Path SDK = ROOT.resolve("go-sdk/pkg");
    private static final Path OSLO = ROOT.resolve("oslo/test");
    private static final Pattern EXPECTED_PROPERTY = Pattern.compile("^\\s+- '([^']+)'");
    /** oslo's container had no time zone database: see PROVENANCE.md. */
    private static final String TIME_ZONE_ARTEFACT = "spec.timeWindow[0].calendar.timeZone";

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> validExamples() {
        List<Path> files = new ArrayList<>();
        files.addAll(yamlFiles(SDK.resolve("openslo/v1/examples")));
        files.addAll(yamlFiles(SDK.resolve("openslo/v1alpha/examples")));
        yamlFiles(SDK.resolve("openslosdk/test_data/decode")).stream()
                .filter(file -> !file.getFileName().toString().startsWith("v2alpha")).forEach(files::add);
        return files;
    }

    @Test
    void thereAreThirteenOfficialValidV1AndV1alphaFilesAndEightInvalidOnes() {
        assertThat(yamlFiles(SDK.resolve("openslo/v1/examples"))).hasSize(7);
        assertThat(yamlFiles(SDK.resolve("openslo/v1alpha/examples"))).hasSize(2);
        assertThat(validExamples()).hasSize(13);
        assertThat(yamlFiles(OSLO.resolve("inputs/validate"))).hasSize(11);
    }

    /**
     * The SDK's v1 SLO examples: their first SLO puts op on a ratio objective, which the SDK's validator forbids
     * (oslo refuses the same document in its validate suite, and the SDK skips validating its examples).
     */
    private static final Path V1_SLOS = SDK.resolve("openslo/v1/examples/slos.yaml");
    /** An SDK decode example SLO without a time window: decoded by the SDK, but an SLO Lifecycle cannot track. */
    private static final Path NO_WINDOW = SDK.resolve("openslosdk/test_data/decode/v1_slos.yaml");

    @Test
    void everyOfficialValidExampleFileReadsWithoutAProblem() {
        OpenSloReader reader = new OpenSloReader();
        for (Path file : validExamples()) {
            if (file.equals(V1_SLOS)) {
                continue;
            }
            OpenSloFile read = reader.read(file);
            assertThat(read.documents()).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void theSdkV1SloExamplesAreRefusedOnlyForOpOnARatioObjectiveAsTheSdksValidatorRefusesIt() {
        SloSpecException refused = catchThrowableOfType(SloSpecException.class,
                () -> new OpenSloReader().read(V1_SLOS));

        assertThat(refused.problems()).extracting(SloSpecException.Problem::path)
                .containsExactly("spec.objectives[0].op");
        assertThat(refused.problems().get(0).source()).endsWith("slos.yaml:40");
        String withoutOp = readString(V1_SLOS).replace("        op: gt\n        target: 0.995", "        target: 0.995");
        OpenSloFile read = new OpenSloReader().read(withoutOp, "slos.yaml without op");
        assertThat(read.documents()).isNotEmpty();
    }

    @Test
    void everyOfficialExampleFolderConvertsTogetherWithoutAProblem() {
        OpenSloReader reader = new OpenSloReader();
        List<OpenSloFile> v1 = new ArrayList<>(yamlFiles(SDK.resolve("openslo/v1/examples")).stream()
                .filter(file -> !file.equals(V1_SLOS)).map(reader::read).toList());
        v1.add(reader.read(readString(V1_SLOS).replace("        op: gt\n        target: 0.995",
                "        target: 0.995"), "slos.yaml without op"));
        assertThat(new OpenSloConverter().convert(v1).slos()).isNotEmpty();
        List<OpenSloFile> alpha = yamlFiles(SDK.resolve("openslo/v1alpha/examples")).stream().map(reader::read).toList();
        assertThat(new OpenSloConverter().convert(alpha).slos()).isNotEmpty();
        for (Path file : validExamples()) {
            if (file.startsWith(SDK.resolve("openslosdk")) && !file.equals(NO_WINDOW)) {
                new OpenSloConverter().convert(reader.read(file));
            }
        }
        assertThatThrownBy(() -> new OpenSloConverter().convert(reader.read(NO_WINDOW)))
                .isInstanceOf(SloSpecException.class).hasMessageContaining("spec.timeWindow: missing");
    }

    @Test
    void aFileOfServicesAloneIsValidatedNotRefusedForHavingNoSlo() {
        OpenSloFile services = new OpenSloReader().read(SDK.resolve("openslo/v1/examples/services.yaml"));

        OpenSloConversion conversion = new OpenSloConverter().convert(services);

        assertThat(conversion.slos()).isEmpty();
    }

    @Test
    void theSdkSequenceOfObjectsIsReadAsOneDocumentPerElement() {
        OpenSloFile read = new OpenSloReader().read(SDK.resolve("openslosdk/test_data/decode/sequence_of_objects.yaml"));

        assertThat(read.documents()).hasSizeGreaterThan(1);
    }

    @Test
    void v2alphaExamplesAreRefusedNamingTheApiVersion() {
        for (Path file : yamlFiles(SDK.resolve("openslo/v2alpha/examples"))) {
            SloSpecException refused = catchThrowableOfType(SloSpecException.class,
                    () -> new OpenSloReader().read(file));
            assertThat(refused).as(file.toString()).isNotNull();
            assertThat(refused.problems()).as(file.toString()).extracting(SloSpecException.Problem::path)
                    .contains("apiVersion");
            assertThat(refused.problems()).filteredOn(problem -> problem.path().equals("apiVersion"))
                    .allSatisfy(problem -> assertThat(problem.message()).contains("openslo.com/v2alpha",
                            "not read yet", "openslo/v1"));
        }
    }

    @Test
    void everyOsloInvalidInputIsRefusedNamingTheSamePropertiesAsOslo() {
        assertRefusedNaming("invalid-apiversion.yaml", Set.of("apiVersion"));
        assertRefusedNaming("unknown-field.yaml", Set.of("spec.markdown", "metadata.name"));
        for (String name : List.of("v1", "v1alpha", "v2alpha")) {
            Set<String> expected = expectedProperties(OSLO.resolve("outputs/validate/" + name));
            expected.remove(TIME_ZONE_ARTEFACT);
            if (name.equals("v1alpha")) {
                // The SDK requires value on every v1alpha objective; Sloth's v1alpha files (the main v1alpha
                // writer) have none on ratio objectives, so Lifecycle requires it only for threshold metrics.
                expected.remove("spec.objectives[0].value");
            }
            if (name.equals("v2alpha")) {
                // v2alpha is refused, not read: its metadata is checked, its spec is not.
                expected = Set.of("apiVersion", "metadata.name");
            }
            assertRefusedNaming(name + ".yaml", expected);
        }
        for (String folder : List.of("mix", "recursive")) {
            Set<String> expected = expectedProperties(OSLO.resolve("outputs/validate/" + folder));
            for (Path file : yamlFiles(OSLO.resolve("inputs/validate/" + folder))) {
                Set<String> forFile = new LinkedHashSet<>(expected);
                if (Files.exists(file) && readString(file).contains("v2alpha")) {
                    forFile.add("apiVersion");
                }
                assertRefusedNaming(OSLO.resolve("inputs/validate").relativize(file).toString(), forFile);
            }
        }
    }

    @Test
    void anUnknownFieldInAServiceSpecIsRefusedAsOsloRefusesIt() {
        assertThatThrownBy(() -> new OpenSloReader().read(OSLO.resolve("inputs/validate/unknown-field.yaml")))
                .isInstanceOf(SloSpecException.class).hasMessageContaining("spec.markdown")
                .hasMessageContaining("unknown field 'markdown'");
    }

    private static void assertRefusedNaming(String input, Set<String> properties) {
        Path file = OSLO.resolve("inputs/validate").resolve(input);
        SloSpecException refused = catchThrowableOfType(SloSpecException.class, () -> {
            OpenSloFile read = new OpenSloReader().read(file);
            new OpenSloConverter().convert(read);
        });
        assertThat(refused).as(input + " is refused").isNotNull();
        assertThat(new LinkedHashSet<>(refused.problems().stream().map(SloSpecException.Problem::path).toList()))
                .as(input).containsExactlyInAnyOrderElementsOf(properties);
    }

    private static Set<String> expectedProperties(Path output) {
        Set<String> properties = new LinkedHashSet<>();
        for (String line : readString(output).split("\n")) {
            Matcher matcher = EXPECTED_PROPERTY.matcher(line);
            if (matcher.find()) {
                properties.add(matcher.group(1));
            }
        }
        return properties;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
