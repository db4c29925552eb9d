package io.github.mlhighway.lifecycle.samples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN section 2, enforced on the compiled classes of every module. */
class ModuleRulesTest {

    private static final String BASE = "io.github.mlhighway.lifecycle";
    private static final String[] NOT_API = {BASE + ".core..", BASE + ".testkit..", BASE + ".cli..", BASE + ".djl..",
        BASE + ".jdbc..", BASE + ".samples..", BASE + ".benchmarks.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
        assertThat(classes.stream().map(c -> c.getPackageName()).distinct())
                .as("classes of api, core, testkit and samples are on the classpath")
                .contains(BASE + ".slo", BASE + ".registry", BASE + ".pipeline", BASE + ".serving", BASE + ".core.slo",
                        BASE + ".testkit", BASE + ".samples");
    }

    @Test
    void theApiDependsOnTheJdkOnly() {
        // The api module is every package under the base that belongs to no other module. Its one dependency is the
        // JSpecify nullness annotations.
        noClasses().that().resideInAPackage(BASE + "..").and().resideOutsideOfPackages(NOT_API)
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.jspecify..", BASE + "..")
                .check(classes);
        noClasses().that().resideInAPackage(BASE + "..").and().resideOutsideOfPackages(NOT_API)
                .should().dependOnClassesThat().resideInAnyPackage(NOT_API)
                .check(classes);
    }

    @Test
    void theApiPomDeclaresNoDependencyAtAll() throws Exception {
        Path pom = Path.of("..", "lifecycle-api", "pom.xml");
        assertThat(pom).exists();
        assertThat(Files.readString(pom)).doesNotContain("<dependency>");
    }

    @Test
    void coreNeedsNoMachineLearningEngine() {
        noClasses().that().resideInAPackage(BASE + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", BASE + ".djl..", BASE + ".testkit..",
                        BASE + ".cli..", BASE + ".samples..", "org.junit..", "net.jqwik..", "picocli..")
                .check(classes);
    }

    @Test
    void coreAndTheApiKnowNothingOfTheJdbcStoreWhichPlugsInThroughTheServiceLoader() {
        noClasses().that().resideInAPackage(BASE + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".jdbc..", "java.sql..", "org.postgresql..",
                        "com.zaxxer..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void onlyTheJdbcStoreAndTheCliUseTheDriverThePoolAndFlyway() {
        noClasses().that().resideInAPackage(BASE + "..").and().resideOutsideOfPackages(BASE + ".jdbc..",
                BASE + ".cli..", BASE + ".benchmarks..")
                .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "com.zaxxer..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void micrometerIsConfinedToTheBridgePackage() {
        // The one exception: Lifecycle.Builder.meterRegistry(MeterRegistry) names the type in its signature and
        // keeps it as an Object, so the runtime loads without Micrometer; the binding is in core.micrometer.
        noClasses().that().resideInAPackage(BASE + ".core..").and().resideOutsideOfPackage(BASE + ".core.micrometer..")
                .and().doNotHaveFullyQualifiedName(BASE + ".core.runtime.Lifecycle$Builder")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(classes);
    }

    @Test
    void nothingImportsAnotherModulesInternals() {
        noClasses().that().resideOutsideOfPackage(BASE + ".core..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".core..internal..")
                .check(classes);
    }
}
