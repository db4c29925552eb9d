package io.github.mlhighway.lifecycle.core.serving;

import java.util.regex.Pattern;

/** SLO names of a guarded model's trackers; SLO names allow letters, digits, '.', '_' and '-' only. */
final class SloNames {

    private static final Pattern INVALID = Pattern.compile("[^A-Za-z0-9._-]");

    private SloNames() {
    }

    static String part(String raw) {
        return INVALID.matcher(raw).replaceAll("_");
    }

    static String version(String model, String version, String sli) {
        return part(model) + ".version." + part(version) + "." + sli;
    }

    static String cohort(String model, String cohort, String sli) {
        return part(model) + ".cohort." + part(cohort) + "." + sli;
    }
}
