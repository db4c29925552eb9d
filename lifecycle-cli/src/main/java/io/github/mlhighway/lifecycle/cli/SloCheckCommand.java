package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.slo.Slo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lifecycle slo check SPEC...}: validates OpenSLO specs. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check OpenSLO specs: exit 0 when every spec is valid, otherwise 1 with one message per "
                + "problem on stderr (file:line: YAML path: what was found and what was expected)."})
final class SloCheckCommand implements Callable<Integer> {

    @Spec
    private @Nullable CommandSpec spec;

    @Mixin
    private SpecOptions specs = new SpecOptions();

    /**
     * Checks the specs.
     *
     * @return 0 when valid, 1 otherwise
     */
    @Override
    public Integer call() {
        CommandSpec spec = Picocli.injected(this.spec, "@Spec");
        PrintWriter out = spec.commandLine().getOut();
        return SpecRunner.run(specs, spec.commandLine().getErr(), conversion -> {
            for (Slo slo : conversion.slos()) {
                out.println("ok: " + slo.name() + " (" + slo.indicator().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                        + ", objective " + slo.objective() + ", " + slo.budgetingMethod().openSloName() + ")");
            }
            out.println(conversion.slos().size() + " SLO(s) valid in " + specs.specs().size() + " file(s)");
            out.flush();
            return 0;
        });
    }
}
