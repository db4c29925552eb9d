package io.github.mlhighway.lifecycle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BOM lists every module a user can depend on, at the build's version. */
class BomTest {

    /** Modules that are not published for users: the BOM itself, the samples and the benchmarks. */
    private static final Set<String> NOT_PUBLISHED =
            Set.of("lifecycle-bom", "samples", "samples-spring-boot", "benchmarks", "benchmarks-spark");

    @Test
    void theBomManagesEveryPublishedModuleAtTheParentsVersion() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Document parent = parse(root.resolve("pom.xml"));
        Document bom = parse(root.resolve("lifecycle-bom/pom.xml"));

        List<String> published = new ArrayList<>();
        for (String module : texts(parent.getDocumentElement(), "modules", "module")) {
            if (!NOT_PUBLISHED.contains(module)) {
                published.add(module);
            }
        }
        List<String> managed = texts((Element) bom.getElementsByTagName("dependencyManagement").item(0),
                "dependencies", "dependency", "artifactId");

        assertThat(published).as("published modules of the root pom").isNotEmpty();
        assertThat(managed).as("artifacts the BOM manages").containsExactlyInAnyOrderElementsOf(published);
        assertThat(child(bom.getDocumentElement(), "version"))
                .as("the BOM's version").isEqualTo(child(parent.getDocumentElement(), "version"));
    }

    private static Document parse(Path pom) throws Exception {
        assertThat(pom).isRegularFile();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(pom)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    /** The text of every element at the end of {@code path}, following direct children only. */
    private static List<String> texts(Element from, String... path) {
        List<Element> level = List.of(from);
        for (String name : path) {
            List<Element> next = new ArrayList<>();
            for (Element element : level) {
                NodeList children = element.getChildNodes();
                for (int i = 0; i < children.getLength(); i++) {
                    if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        return level.stream().map(e -> e.getTextContent().trim()).toList();
    }

    private static String child(Element element, String name) {
        List<String> values = texts(element, name);
        assertThat(values).as("<%s> of <%s>", name, element.getTagName()).hasSize(1);
        return values.get(0);
    }
}
