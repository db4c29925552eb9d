package io.github.mlhighway.lifecycle;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The dependency rules of lifecycle-api (DESIGN section 2): interfaces, values and SPIs on the JDK alone (and the
 * JSpecify nullness annotations), checked on the api's compiled classes only: the classes of the directory or jar
 * {@link Slo} was loaded from.
 */
class ApiArchitectureTest {

    private static final String BASE = "io.github.mlhighway.lifecycle";

    private static final JavaClasses CLASSES = importTheApi();

    /** The api's packages (slo, gate, registry, ...): it spans several packages directly under the base. */
    private static final Set<String> OWN = CLASSES.stream().map(JavaClass::getPackageName)
            .collect(Collectors.toSet());

    private static JavaClasses importTheApi() {
        try {
            Path location = Path.of(Slo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(location);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the classes of lifecycle-api", e);
        }
    }

    @Test
    void theRulesSeeTheApisOwnClassesAndNothingElse() {
        assertThat(OWN).contains(BASE + ".slo", BASE + ".gate", BASE + ".registry", BASE + ".pipeline")
                .allSatisfy(name -> assertThat(name).startsWith(BASE + ".")
                        .doesNotStartWith(BASE + ".core").doesNotStartWith(BASE + ".testkit"));
    }

    @Test
    void theApiDependsOnTheJdkAndTheNullnessAnnotationsOnly() {
        noClasses().should().dependOnClassesThat(describe("reside outside the JDK, org.jspecify and the api itself",
                        (JavaClass target) -> !resideInAnyPackage("java..", "org.jspecify..").test(target)
                                && !OWN.contains(target.getPackageName())))
                .check(CLASSES);
    }

    @Test
    void theApiUsesNoInternalPackageOfAnotherModule() {
        noClasses().should().dependOnClassesThat(describe("reside in an ..internal.. package of another module",
                        (JavaClass target) -> resideInAPackage(BASE + "..internal..").test(target)
                                && !OWN.contains(target.getPackageName())))
                .check(CLASSES);
    }

    @Test
    void theApiPomGivesUsersNoDependencyButTheNullnessAnnotations() throws Exception {
        Path pom = Path.of("pom.xml");
        assertThat(pom).as("the api's pom, read from the module's directory").isRegularFile();

        List<String> shipped = new ArrayList<>();
        for (Element dependency : dependencies(parse(pom))) {
            String scope = text(dependency, "scope");
            if (!"test".equals(scope)) {
                shipped.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId") + " (scope "
                        + (scope == null ? "compile" : scope) + ")");
            }
        }

        assertThat(shipped).as("dependencies the api gives its users").allMatch(d -> d.startsWith("org.jspecify:"));
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(pom)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    /** The project's own dependencies (not those of dependencyManagement or of plugins). */
    private static List<Element> dependencies(Document pom) {
        List<Element> found = new ArrayList<>();
        for (Element block : children(pom.getDocumentElement(), "dependencies")) {
            found.addAll(children(block, "dependency"));
        }
        return found;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }
}
