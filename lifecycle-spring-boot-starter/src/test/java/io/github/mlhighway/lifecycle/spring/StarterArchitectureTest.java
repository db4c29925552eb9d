package io.github.mlhighway.lifecycle.spring;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleAutoConfiguration;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of lifecycle-spring-boot-starter (DESIGN section 2), checked on this module's compiled classes
 * only: the classes of the directory or jar {@link LifecycleAutoConfiguration} was loaded from, not the test classes
 * and not other modules.
 */
class StarterArchitectureTest {

    private static final String BASE = "io.github.mlhighway.lifecycle";

    private static final JavaClasses CLASSES = importThisModule();

    private static JavaClasses importThisModule() {
        try {
            Path location = Path.of(LifecycleAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(location);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the classes of lifecycle-spring-boot-starter", e);
        }
    }

    @Test
    void theRulesSeeThisModulesOwnClassesAndNothingElse() {
        Set<String> packages = CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        assertThat(packages).contains(LifecycleAutoConfiguration.class.getPackageName())
                .allSatisfy(name -> assertThat(name).startsWith(BASE + ".spring"));
    }

    @Test
    void theStarterNeedsNoMachineLearningEngineNoSparkNoJdbcDriverAndNoCommandLine() {
        // a PostgreSQL store comes in through lifecycle-jdbc's ServiceLoader provider, when the application adds it
        noClasses().should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.apache.spark..",
                "scala..", "org.postgresql..", "com.zaxxer..", "org.flywaydb..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void theStarterShipsNoTestLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "net.jqwik..",
                "org.assertj..")
                .check(CLASSES);
    }

    @Test
    void theStarterBuildsOnCoreAndTheApiOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(BASE + ".djl..", BASE + ".testkit..",
                BASE + ".cli..", BASE + ".jdbc..", BASE + ".spark..", BASE + ".samples..", BASE + ".benchmarks..")
                .check(CLASSES);
    }

    @Test
    void actuatorTypesStayInTheActuatePackageSoTheStarterRunsWithoutTheActuator() {
        noClasses().that().resideOutsideOfPackage(BASE + ".spring.actuate..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.boot.actuate..")
                .check(CLASSES);
    }

    @Test
    void servletAndSpringWebTypesStayInTheObservationPackageSoTheStarterRunsWithoutAWebServer() {
        noClasses().that().resideOutsideOfPackage(BASE + ".spring.observation..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.http..",
                        "org.springframework.web..", "io.micrometer.observation..")
                .check(CLASSES);
    }

    @Test
    void theStarterUsesNoInternalPackageOfAnotherModule() {
        Set<String> own = CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        noClasses().should().dependOnClassesThat(describe("reside in an ..internal.. package of another module",
                        (JavaClass target) -> resideInAPackage(BASE + "..internal..").test(target)
                                && !own.contains(target.getPackageName())))
                .check(CLASSES);
    }
}
