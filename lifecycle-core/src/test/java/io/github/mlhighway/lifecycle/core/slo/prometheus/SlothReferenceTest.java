package io.github.mlhighway.lifecycle.core.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.mlhighway.lifecycle.core.slo.openslo.ConversionOptions;
import io.github.mlhighway.lifecycle.core.slo.openslo.OpenSlo;
import io.github.mlhighway.lifecycle.core.slo.openslo.SharedExamples;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Compares the recording rules with those Sloth generated for its own OpenSLO getting-started example. */
class SlothReferenceTest {

    private static final List<String> OUR_OWN_INFO_LABELS = List.of("sloth_mode", "sloth_spec", "sloth_version");

    @Test
    void recordingRulesMatchSlothsRuleForRuleWithSlothConventions() throws IOException {
        Path folder = SharedExamples.folder();
        List<Slo> slos = OpenSlo.load(List.of(folder.resolve("sloth--openslo-getting-started.yml")),
                ConversionOptions.SLOTH).slos();
        String ours = new PrometheusRules(RulesConfig.DEFAULTS.withLabel("cmd", "examplesgen.sh")).yaml(slos);
        YAMLMapper yaml = new YAMLMapper();
        JsonNode reference = yaml.readTree(folder.resolve("sloth--openslo-getting-started.rules.yml").toFile());
        JsonNode generated = yaml.readTree(ours);

        JsonNode referenceGroups = reference.get("groups");
        assertThat(referenceGroups).hasSize(2);
        for (int g = 0; g < referenceGroups.size(); g++) {
            JsonNode expectedGroup = referenceGroups.get(g);
            JsonNode actualGroup = generated.get("groups").get(g);
            assertThat(actualGroup.get("name").asText()).isEqualTo(expectedGroup.get("name").asText());
            assertThat(rules(actualGroup)).isEqualTo(rules(expectedGroup));
        }
    }

    /** Each rule as "record | normalized expr | labels", with Sloth's objective float noise rounded away. */
    private static List<String> rules(JsonNode group) {
        List<String> rules = new ArrayList<>();
        for (JsonNode rule : group.get("rules")) {
            Map<String, String> labels = new TreeMap<>();
            rule.get("labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
            if (rule.get("record").asText().equals("sloth_slo_info")) {
                OUR_OWN_INFO_LABELS.forEach(labels::remove);
            }
            String expr = rule.get("expr").asText().replaceAll("\\s+", " ").trim()
                    .replace("0.9990000000000001", "0.999");
            rules.add(rule.get("record").asText() + " | " + expr + " | " + labels);
        }
        return rules;
    }
}
