package io.github.mlhighway.lifecycle.testkit;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of lifecycle-testkit (DESIGN section 2), checked on this module's compiled classes
 * only: the classes of the directory or jar {@link TestClock} was loaded from, not the test classes
 * and not other modules.
 */
class TestkitArchitectureTest {

    private static final String BASE = "io.github.mlhighway.lifecycle";

    private static final JavaClasses CLASSES = importThisModule();

    private static JavaClasses importThisModule() {
        try {
            Path location = Path.of(TestClock.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(location);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the classes of lifecycle-testkit", e);
        }
    }

    @Test
    void theRulesSeeThisModulesOwnClassesAndNothingElse() {
        Set<String> packages = CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        assertThat(packages).contains(TestClock.class.getPackageName())
                .allSatisfy(name -> assertThat(name).startsWith(BASE + ".testkit"));
    }

    @Test
    void theTestKitNeedsNoMachineLearningEngineNoSpringNoSparkNoJdbcLibraryAndNoCommandLine() {
        // testkit.postgres talks to the server it starts through java.sql only; the driver is the application's
        noClasses().should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.springframework..",
                "jakarta.servlet..", "org.apache.spark..", "scala..", "org.postgresql..", "com.zaxxer..",
                "org.flywaydb..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void theTestKitBuildsOnCoreAndTheApiOnly() {
        // so every module's tests can use it without a cycle (core's tests cannot: core is below it)
        noClasses().should().dependOnClassesThat().resideInAnyPackage(BASE + ".djl..", BASE + ".cli..",
                BASE + ".jdbc..", BASE + ".spark..", BASE + ".spring..", BASE + ".samples..", BASE + ".benchmarks..")
                .check(CLASSES);
    }

    @Test
    void theTestKitUsesNoInternalPackageOfAnotherModule() {
        Set<String> own = CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        noClasses().should().dependOnClassesThat(describe("reside in an ..internal.. package of another module",
                        (JavaClass target) -> resideInAPackage(BASE + "..internal..").test(target)
                                && !own.contains(target.getPackageName())))
                .check(CLASSES);
    }
}
