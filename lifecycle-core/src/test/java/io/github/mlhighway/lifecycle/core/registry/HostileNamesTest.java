package io.github.mlhighway.lifecycle.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.text.Quoted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names and references that could never work, or could flood a message, are refused with a readable message. */
class HostileNamesTest {

    @TempDir
    Path root;

    @TempDir
    Path work;

    @Test
    void artifactNamesOfWhichOneIsTheDirectoryOfAnotherAreRefusedAtRegistration() throws IOException {
        ModelRegistry registry = ModelRegistries.directory(root, SimClock.atDefault());
        Path file = Files.writeString(work.resolve("w"), "w");

        assertThatThrownBy(() -> registry.register(NewModelVersion.of("rain").file("a", file).file("a/b", file)
                .build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("artifacts 'a' and 'a/b'");
        assertThat(registry.models()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"m@01", "m@+1", "m@\u0661", "m@\uff11", "m@-1", "m@0", "m@2147483648", "m@1 "})
    void versionsNotWrittenAsPlainAsciiNumbersAreRefused(String text) {
        assertThatThrownBy(() -> ModelRef.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use a number from 1");
    }

    @Test
    void plainVersionNumbersStillParse() {
        assertThat(ModelRef.parse("m@1").version()).isEqualTo(1);
        assertThat(ModelRef.parse("m@2147483647").version()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aModelDirectoryWithALinkToAFileOutsideItIsRefused() throws IOException {
        Path model = Files.createDirectories(work.resolve("model"));
        Files.writeString(model.resolve("weights.pt"), "w");
        Path secret = Files.writeString(work.resolve("id_rsa"), "secret");
        Files.createSymbolicLink(model.resolve("config.json"), secret);

        assertThatThrownBy(() -> NewModelVersion.of("rain").directory(model))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbolic link to " + secret.toRealPath())
                .hasMessageContaining("outside the model directory");
    }

    @Test
    void aModelDirectoryWithALinkedSubdirectoryOutsideItIsRefused() throws IOException {
        Path model = Files.createDirectories(work.resolve("model"));
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("x.bin"), "x");
        Files.createSymbolicLink(model.resolve("sub"), elsewhere);

        assertThatThrownBy(() -> NewModelVersion.of("rain").directory(model))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbolic link");
    }

    @Test
    void aLinkToAFileInsideTheModelDirectoryIsKept() throws IOException {
        Path model = Files.createDirectories(work.resolve("model"));
        Files.writeString(model.resolve("weights.pt"), "w");
        Files.createSymbolicLink(model.resolve("latest.pt"), Path.of("weights.pt"));

        assertThat(NewModelVersion.of("rain").directory(model).build().files())
                .containsOnlyKeys("latest.pt", "weights.pt");
    }

    @Test
    void namesInMessagesAreQuotedEscapedAndCut() {
        String huge = "x".repeat(100_000);

        assertThatThrownBy(() -> ModelRegistries.directory(root, SimClock.atDefault())
                .version(ModelRef.ofVersion("bad\nname\0" + huge, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("'bad\\nname\\0xxx").contains("(100009 characters)")
                        .doesNotContain("\n").doesNotContain("\0").hasSizeLessThan(400));
        assertThatThrownBy(() -> ModelRef.parse("m@1\n" + huge)).satisfies(e -> assertThat(e.getMessage())
                .doesNotContain("\n").hasSizeLessThan(400));
    }

    @Test
    void quotingEscapesControlAndInvisibleCharacters() {
        assertThat(Quoted.name("a'b\\c\td\u202ee")).isEqualTo("'a\\'b\\\\c\\td\\u202ee'");
        assertThat(Quoted.name(null)).isEqualTo("null");
        assertThat(Quoted.name("rain")).isEqualTo("'rain'");
    }
}
