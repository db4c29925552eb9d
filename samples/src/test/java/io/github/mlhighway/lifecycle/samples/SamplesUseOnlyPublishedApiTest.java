package io.github.mlhighway.lifecycle.samples;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.mlhighway.lifecycle.samples.quickstart.QuickStart;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A cross-module rule: the samples are the code users copy, so they use what the modules publish and none of
 * their {@code ..internal..} packages. Each module's own rules live in its tests ({@code *ArchitectureTest}, listed
 * in CONTRIBUTING.md).
 */
class SamplesUseOnlyPublishedApiTest {

    private static final String BASE = "io.github.mlhighway.lifecycle";

    private static JavaClasses samples() {
        try {
            Path location = Path.of(QuickStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(location);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the classes of the samples", e);
        }
    }

    @Test
    void theSamplesUseNoInternalPackageOfAnyModule() {
        noClasses().should().dependOnClassesThat(describe("reside in an ..internal.. package of a module",
                        (JavaClass target) -> resideInAPackage(BASE + "..internal..").test(target)))
                .check(samples());
    }
}
