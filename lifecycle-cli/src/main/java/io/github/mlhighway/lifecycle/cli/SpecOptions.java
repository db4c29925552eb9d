package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.core.slo.openslo.ConversionOptions;
import io.github.mlhighway.lifecycle.core.slo.openslo.DefaultAlerts;
import io.github.mlhighway.lifecycle.core.slo.openslo.OpenSlo;
import io.github.mlhighway.lifecycle.core.slo.openslo.OpenSloConversion;
import io.github.mlhighway.lifecycle.core.slo.openslo.SloNaming;
import io.github.mlhighway.lifecycle.slo.NoDataPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The OpenSLO files a command reads and how they become SLOs (a picocli mixin). */
final class SpecOptions {

    @Parameters(arity = "1..*", paramLabel = "SPEC",
            description = "OpenSLO YAML files (v1, or v1alpha as Sloth writes it); references may cross files.")
    private List<Path> specs = new ArrayList<>();

    @Option(names = "--naming", paramLabel = "STYLE", defaultValue = "PLAIN_WHEN_SINGLE",
            description = "How SLOs are named: PLAIN_WHEN_SINGLE (metadata.name, or name-<index> for several "
                    + "objectives) or ALWAYS_INDEXED (name-<index>, as Sloth). Default: ${DEFAULT-VALUE}.")
    private SloNaming naming = SloNaming.PLAIN_WHEN_SINGLE;

    @Option(names = "--default-alerts", paramLabel = "TIERS", defaultValue = "SRE_WORKBOOK",
            description = "Burn-rate tiers of an SLO without alert policies: SRE_WORKBOOK or SLOTH. "
                    + "Default: ${DEFAULT-VALUE}.")
    private DefaultAlerts defaultAlerts = DefaultAlerts.SRE_WORKBOOK;

    @Option(names = "--min-events", paramLabel = "N", defaultValue = "0",
            description = "The low-traffic guard: a burn-rate tier fires only when its long window holds at least N "
                    + "events (in the tracker and in the rules 'slo rules' writes). Default: ${DEFAULT-VALUE} (none).")
    private long minimumEvents;

    @Option(names = "--no-data", paramLabel = "POLICY",
            description = "What a window without events means when the spec does not say alertWhenNoData: true: "
                    + "GOOD (no alert, the default), BAD (the burn-rate alert fires), ALERT (a no-data alert) or "
                    + "IGNORE (keep the state; rules cannot express it).")
    private @Nullable NoDataPolicy noData;

    @Option(names = "--sloth", description = "Sloth's conventions: --naming ALWAYS_INDEXED --default-alerts SLOTH.")
    private boolean sloth;

    /**
     * The spec files.
     *
     * @return the paths as given
     */
    public List<Path> specs() {
        return specs;
    }

    /**
     * Reads and converts the spec files.
     *
     * @return the SLOs and warnings
     * @throws io.github.mlhighway.lifecycle.slo.SloSpecException listing every problem
     */
    public OpenSloConversion load() {
        ConversionOptions options = sloth ? ConversionOptions.SLOTH : new ConversionOptions(naming, defaultAlerts);
        if (minimumEvents < 0) {
            throw new io.github.mlhighway.lifecycle.slo.SloSpecException("--min-events", "(option)", "found "
                    + minimumEvents + ", expected a whole number of events, at least 0");
        }
        options = options.withMinimumEvents(minimumEvents);
        NoDataPolicy policy = noData;
        if (policy != null) {
            options = options.withNoData(policy);
        }
        return OpenSlo.load(specs, options);
    }
}
