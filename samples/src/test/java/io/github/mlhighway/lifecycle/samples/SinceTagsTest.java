package io.github.mlhighway.lifecycle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public top-level type of a published module says since which version it is API ({@code @since} in its
 * javadoc), so japicmp's reports and a reader of the javadoc agree on what is promised.
 */
class SinceTagsTest {

    private static final List<String> LIBRARY_MODULES = List.of("lifecycle-api", "lifecycle-core", "lifecycle-djl",
            "lifecycle-testkit", "lifecycle-jdbc", "lifecycle-spark", "lifecycle-cli",
            "lifecycle-spring-boot-starter");

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|static|strictfp)\\s+)*"
                    + "(?:class|interface|record|enum|@interface)\\b", Pattern.MULTILINE);

    @Test
    void everyPublicTypeOfALibraryModuleHasASinceTag() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> untagged = new ArrayList<>();
        int checked = 0;
        for (String module : LIBRARY_MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertThat(sources).as("sources of %s", module).isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String name = file.getFileName().toString();
                    if (name.equals("package-info.java") || name.equals("module-info.java")) {
                        continue;
                    }
                    String text = read(file);
                    var declaration = PUBLIC_TYPE.matcher(text);
                    if (!declaration.find()) {
                        continue;
                    }
                    checked++;
                    String before = text.substring(0, declaration.start());
                    int javadoc = before.lastIndexOf("/**");
                    if (javadoc < 0 || !before.substring(javadoc).contains("@since")) {
                        untagged.add(root.relativize(file).toString());
                    }
                }
            }
        }
        assertThat(checked).as("public types found").isGreaterThan(300);
        assertThat(untagged).as("public types without @since in their javadoc").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
