package io.github.mlhighway.lifecycle.jdbc;

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
 * The dependency rules of lifecycle-jdbc (DESIGN section 2), checked on this module's compiled classes
 * only: the classes of the directory or jar {@link PostgresStore} was loaded from, not the test classes
 * and not other modules.
 */
class JdbcArchitectureTest {

    private static final String BASE = "io.github.mlhighway.lifecycle";

    private static final JavaClasses CLASSES = importThisModule();

    private static JavaClasses importThisModule() {
        try {
            Path location = Path.of(PostgresStore.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(location);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the classes of lifecycle-jdbc", e);
        }
    }

    @Test
    void theRulesSeeThisModulesOwnClassesAndNothingElse() {
        Set<String> packages = CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        assertThat(packages).contains(PostgresStore.class.getPackageName())
                .allSatisfy(name -> assertThat(name).startsWith(BASE + ".jdbc"));
    }

    @Test
    void theJdbcStoreNeedsNoMachineLearningEngineNoSpringNoSparkAndNoCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.springframework..",
                "jakarta.servlet..", "org.apache.spark..", "scala..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void theJdbcStoreShipsNoTestLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "net.jqwik..",
                "org.assertj..")
                .check(CLASSES);
    }

    @Test
    void theJdbcStoreBuildsOnCoreAndTheApiOnly() {
        // it plugs into core through the ServiceLoader; core never sees it
        noClasses().should().dependOnClassesThat().resideInAnyPackage(BASE + ".djl..", BASE + ".testkit..",
                BASE + ".cli..", BASE + ".spark..", BASE + ".spring..", BASE + ".samples..", BASE + ".benchmarks..")
                .check(CLASSES);
    }

    @Test
    void theJdbcStoreUsesNoInternalPackageOfAnotherModule() {
        Set<String> own = CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        noClasses().should().dependOnClassesThat(describe("reside in an ..internal.. package of another module",
                        (JavaClass target) -> resideInAPackage(BASE + "..internal..").test(target)
                                && !own.contains(target.getPackageName())))
                .check(CLASSES);
    }
}
