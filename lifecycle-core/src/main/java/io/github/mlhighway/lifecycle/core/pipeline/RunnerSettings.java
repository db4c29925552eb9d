package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.core.lineage.CodeVersion;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * What a runner injects into every execution.
 *
 * @param clock       time source for deadlines, durations and records
 * @param random      jitter source for retries
 * @param sleeper     how to wait between retries
 * @param events      listener dispatch
 * @param codeVersion the code version recorded in provenance
 * @param environment the environment recorded in provenance
 * @param slos        where pipeline SLO events are recorded, or null
 */
record RunnerSettings(Clock clock, Random random, Sleeper sleeper, Events events, CodeVersion codeVersion,
        Map<String, String> environment, @Nullable SloRegistry slos) {
}
