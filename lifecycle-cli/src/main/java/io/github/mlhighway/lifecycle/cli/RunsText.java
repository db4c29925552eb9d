package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.pipeline.Failure;
import io.github.mlhighway.lifecycle.pipeline.Provenance;
import io.github.mlhighway.lifecycle.pipeline.RunRecord;
import io.github.mlhighway.lifecycle.pipeline.StageRecord;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Renders a run record as text for people: a header, one block per stage, then the provenance. */
final class RunsText {

    private static final String NL = System.lineSeparator();

    private RunsText() {
    }

    static String render(RunRecord run) {
        StringBuilder text = new StringBuilder();
        text.append("run ").append(run.runId()).append(" of pipeline ").append(run.pipeline()).append(": ")
                .append(run.status()).append(NL);
        text.append("  started ").append(run.startedAt()).append(", ended ").append(orDash(run.endedAt()))
                .append(", took ").append(run.duration().map(RunsText::duration).orElse("-"))
                .append(", executions ").append(run.executions()).append(NL);
        if (run.failure() != null) {
            text.append("  stopped by ").append(run.failure()).append(NL);
        }
        text.append("  input  sha256 ").append(run.inputDigest()).append(NL);
        text.append("  output sha256 ").append(orDash(run.outputDigest())).append(NL);
        text.append(String.format("%-20s %-18s %8s %12s  %s%n", "STAGE", "STATUS", "ATTEMPTS", "DURATION",
                "OUTPUT SHA256"));
        for (StageRecord stage : run.stages()) {
            text.append(String.format("%-20s %-18s %8d %12s  %s%n", stage.name(), stage.status(), stage.attempts(),
                    stage.duration().map(RunsText::duration).orElse("-"), orDash(stage.outputDigest())));
            for (Verdict verdict : stage.verdicts()) {
                text.append("  gate ").append(verdict.gate()).append(": ").append(verdict.outcome()).append(NL);
                for (Finding finding : verdict.findings()) {
                    text.append("    - ").append(finding).append(NL);
                }
            }
            for (Failure failure : stage.failures()) {
                text.append("  attempt ").append(failure.attempt()).append(" failed: ").append(failure).append(NL);
            }
        }
        Provenance provenance = run.provenance();
        if (provenance != null) {
            text.append("code ").append(provenance.codeVersionSource()).append(' ')
                    .append(provenance.codeVersion()).append(NL);
            section(text, "parameters", provenance.parameters());
            section(text, "inputs", provenance.inputDigests());
            section(text, "profiles", provenance.profileDigests());
            section(text, "environment", provenance.environment());
        }
        return text.toString();
    }

    private static void section(StringBuilder text, String title, Map<String, String> entries) {
        if (entries.isEmpty()) {
            return;
        }
        text.append(title).append(':').append(NL);
        entries.forEach((key, value) -> text.append("  ").append(key).append(" = ").append(value).append(NL));
    }

    private static String duration(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + "ms"
                : String.format("%.1fs", duration.toMillis() / 1000.0);
    }

    private static String orDash(@Nullable Object value) {
        return value == null ? "-" : value.toString();
    }
}
