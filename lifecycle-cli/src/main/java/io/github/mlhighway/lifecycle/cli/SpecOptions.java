package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.core.slo.openslo.ConversionOptions;
import io.github.mlhighway.lifecycle.core.slo.openslo.DefaultAlerts;
import io.github.mlhighway.lifecycle.core.slo.openslo.OpenSlo;
import io.github.mlhighway.lifecycle.core.slo.openslo.OpenSloConversion;
import io.github.mlhighway.lifecycle.core.slo.openslo.SloNaming;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The OpenSLO files a command reads and how they become SLOs (a picocli mixin). */
public final class SpecOptions {

    @Parameters(arity = "1..*", paramLabel = "SPEC",
            description = "OpenSLO YAML files (v1, or v1alpha as Sloth writes it); references may cross files.")
    private List<Path> specs;

    @Option(names = "--naming", paramLabel = "STYLE", defaultValue = "PLAIN_WHEN_SINGLE",
            description = "How SLOs are named: PLAIN_WHEN_SINGLE (metadata.name, or name-<index> for several "
                    + "objectives) or ALWAYS_INDEXED (name-<index>, as Sloth). Default: ${DEFAULT-VALUE}.")
    private SloNaming naming;

    @Option(names = "--default-alerts", paramLabel = "TIERS", defaultValue = "SRE_WORKBOOK",
            description = "Burn-rate tiers of an SLO without alert policies: SRE_WORKBOOK or SLOTH. "
                    + "Default: ${DEFAULT-VALUE}.")
    private DefaultAlerts defaultAlerts;

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
        return OpenSlo.load(specs, options);
    }
}
