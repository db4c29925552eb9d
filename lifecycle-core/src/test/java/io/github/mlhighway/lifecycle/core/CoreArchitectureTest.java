package io.github.mlhighway.lifecycle.core;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SliceRule;
import io.github.mlhighway.lifecycle.core.lineage.Lineage;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of lifecycle-core (DESIGN section 2), checked on core's compiled classes only: the classes
 * of the directory or jar {@link Lifecycle} was loaded from, not the test classes and not other modules.
 */
class CoreArchitectureTest {

    private static final String BASE = "io.github.mlhighway.lifecycle";
    private static final String CORE = BASE + ".core";

    /** Everything core may import: the JDK, the api, itself and the libraries its pom declares. */
    private static final String[] ALLOWED = {"java..", "javax.annotation..", BASE + ".core..", "org.jspecify..",
        "com.fasterxml.jackson..", "org.yaml.snakeyaml..", "com.google.common..", "com.google.errorprone.annotations..",
        "com.github.benmanes.caffeine..", "org.apache.commons.math3..", "org.apache.datasketches..", "org.slf4j..",
        "io.micrometer.."};

    /** The other modules of the repository (packages under the base that are neither core nor the api). */
    private static final String[] OTHER_MODULES = {BASE + ".djl..", BASE + ".testkit..", BASE + ".cli..",
        BASE + ".jdbc..", BASE + ".spark..", BASE + ".spring..", BASE + ".samples..", BASE + ".benchmarks.."};

    private static final JavaClasses CLASSES = importCore();

    private static JavaClasses importCore() {
        try {
            Path location = Path.of(Lifecycle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(location);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the classes of lifecycle-core", e);
        }
    }

    @Test
    void theRulesSeeCoresOwnClassesAndNothingElse() {
        Set<String> packages = CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        assertThat(packages).contains(CORE + ".runtime", CORE + ".slo", CORE + ".time")
                .allSatisfy(name -> assertThat(name).startsWith(CORE));
    }

    @Test
    void coreNeedsNoMachineLearningEngineNoOtherModuleAndNoTestLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.junit..", "net.jqwik..",
                "org.assertj..", "picocli..")
                .orShould().dependOnClassesThat().resideInAnyPackage(OTHER_MODULES)
                .check(CLASSES);
    }

    @Test
    void coreKnowsNothingOfJdbcTheDriverThePoolOrFlywayWhichPlugInThroughTheServiceLoader() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                "org.postgresql..", "com.zaxxer..", "org.flywaydb..")
                .check(CLASSES);
    }

    @Test
    void coreKnowsNothingOfSpringOrSpark() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                "org.apache.spark..", "scala..")
                .check(CLASSES);
    }

    @Test
    void coreImportsOnlyTheJdkTheApiAndTheLibrariesItsPomDeclares() {
        noClasses().should().dependOnClassesThat(describe("reside outside the JDK, the api and core's libraries",
                        (JavaClass target) -> !resideInAPackage(BASE + "..").test(target)
                                && !resideInAnyOf(target, ALLOWED)
                                || resideInAPackage(BASE + "..").test(target) && resideInAnyOf(target, OTHER_MODULES)))
                .check(CLASSES);
    }

    @Test
    void micrometerIsConfinedToTheBridgePackage() {
        // The one exception: Lifecycle.Builder.meterRegistry(MeterRegistry) names the type in its signature and
        // keeps it as an Object, so the runtime loads without Micrometer; the binding is in core.micrometer.
        noClasses().that().resideOutsideOfPackage(CORE + ".micrometer..")
                .and().doNotHaveFullyQualifiedName(CORE + ".runtime.Lifecycle$Builder")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(CLASSES);
    }

    @Test
    void coreUsesNoInternalPackageOfAnotherModule() {
        Set<String> own = CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        noClasses().should().dependOnClassesThat(describe("reside in an ..internal.. package of another module",
                        (JavaClass target) -> resideInAPackage(BASE + "..internal..").test(target)
                                && !own.contains(target.getPackageName())))
                .check(CLASSES);
    }

    /**
     * No cycles between core's packages, an {@code x.internal} package counting as part of {@code x} (it implements
     * that concern). The two cycles of today's code are listed here, not fixed (each is one class's dependency):
     * <ul>
     *   <li>{@code time <-> runtime}: {@link SimulatedClock#drive(Lifecycle)} is the convenience that connects a
     *       simulated clock to the runtime, while {@code Lifecycle} reads a {@code SimulatedClock}'s nano time.
     *   <li>{@code lineage <-> pipeline}: the {@link Lineage} queries read the run records the pipeline writes,
     *       while the pipeline runner records lineage values ({@code CodeVersion}, {@code RuntimeEnvironment}).
     * </ul>
     * A new cycle fails the build; removing a listed one needs only its line here deleted.
     */
    @Test
    void coresPackagesHaveNoCyclesBeyondTheTwoListed() {
        withTheListedCycles(slices().assignedFrom(packagesWithTheirInternals()).should().beFreeOfCycles())
                .check(CLASSES);
    }

    /** No cycles between core's concerns either: the first package level under core (data, slo, serving, ...). */
    @Test
    void coresConcernsHaveNoCyclesBeyondTheTwoListed() {
        withTheListedCycles(slices().matching(CORE + ".(*)..").should().beFreeOfCycles())
                .check(CLASSES);
    }

    private static SliceRule withTheListedCycles(SliceRule rule) {
        return rule.ignoreDependency(type(SimulatedClock.class), type(Lifecycle.class))
                .ignoreDependency(type(Lineage.class), resideInAPackage(CORE + ".pipeline"));
    }

    private static boolean resideInAnyOf(JavaClass target, String... packages) {
        for (String p : packages) {
            if (resideInAPackage(p).test(target)) {
                return true;
            }
        }
        return false;
    }

    /** One slice per package under core, with {@code x.internal..} folded into {@code x}. */
    private static SliceAssignment packagesWithTheirInternals() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (!name.startsWith(CORE + ".")) {
                    return SliceIdentifier.ignore();
                }
                return SliceIdentifier.of(name.replaceFirst("\\.internal(\\..*)?$", ""));
            }

            @Override
            public String getDescription() {
                return "core's packages, x.internal counted as part of x";
            }
        };
    }
}
