package io.github.mlhighway.lifecycle.core.slo.prometheus;

import io.github.mlhighway.lifecycle.slo.Slo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Sloth identity labels of an SLO ({@code sloth_id} = service-name, or the name without a service;
 * {@code sloth_service}; {@code sloth_slo}), its selector, and the labels every rule of it carries.
 */
record SloLabels(String id, String service, String slo, Map<String, String> common) {

    static SloLabels of(Slo slo, RulesConfig config) {
        String id = slo.service().isEmpty() ? slo.name() : slo.service() + "-" + slo.name();
        Map<String, String> common = new TreeMap<>(slo.labels());
        common.keySet().forEach(RulesConfig::requireLabelName);
        common.putAll(config.extraLabels());
        common.put("sloth_id", id);
        common.put("sloth_service", slo.service());
        common.put("sloth_slo", slo.name());
        return new SloLabels(id, slo.service(), slo.name(), Map.copyOf(common));
    }

    /** {@code {sloth_id="...", sloth_service="...", sloth_slo="..."}}. */
    String selector() {
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("sloth_id", id);
        identity.put("sloth_service", service);
        identity.put("sloth_slo", slo);
        return PromQl.selector(identity);
    }

    /** The common labels plus some more. */
    Map<String, String> with(Map<String, String> more) {
        Map<String, String> labels = new TreeMap<>(common);
        labels.putAll(more);
        return labels;
    }
}
