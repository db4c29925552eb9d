package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.core.slo.prometheus.PrometheusRules;
import io.github.mlhighway.lifecycle.core.slo.prometheus.RulesConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lifecycle slo rules SPEC... [-o rules.yml]}: Prometheus rules in Sloth's style. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Generate Prometheus recording and alerting rules (Sloth-compatible names) from OpenSLO "
                + "specs. Only ratio SLIs with Prometheus queries can be exported. Timeslices and RatioTimeslices "
                + "SLOs get event-ratio rules, with a warning: their slice window and target are not exported."})
final class SloRulesCommand implements Callable<Integer> {

    @Spec
    private @Nullable CommandSpec spec;

    @Mixin
    private SpecOptions specs = new SpecOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the rules; stdout if "
            + "absent.")
    private @Nullable Path output;

    @Option(names = {"-l", "--label"}, paramLabel = "NAME=VALUE", description = "A label added to every rule "
            + "(repeatable).")
    private Map<String, String> labels = new LinkedHashMap<>();

    /**
     * Writes the rules.
     *
     * @return 0 when written, 1 when a spec is invalid or an SLO cannot be exported
     */
    @Override
    public Integer call() {
        CommandSpec spec = Picocli.injected(this.spec, "@Spec");
        Path output = this.output;
        PrintWriter err = spec.commandLine().getErr();
        RulesConfig config;
        try {
            config = new RulesConfig(labels, VersionProvider.version());
        } catch (IllegalArgumentException e) {
            err.println("error: --label: " + e.getMessage());
            err.flush();
            return SpecRunner.INVALID;
        }
        return SpecRunner.run(specs, err, conversion -> {
            PrometheusRules rules = new PrometheusRules(config);
            String yaml = rules.yaml(conversion.slos());
            rules.warnings(conversion.slos()).forEach(warning -> err.println("warning: " + warning));
            err.flush();
            if (output == null) {
                spec.commandLine().getOut().print(yaml);
                spec.commandLine().getOut().flush();
                return 0;
            }
            try {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, yaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
            }
            err.println("wrote rules of " + conversion.slos().size() + " SLO(s) to " + output);
            err.flush();
            return 0;
        });
    }
}
