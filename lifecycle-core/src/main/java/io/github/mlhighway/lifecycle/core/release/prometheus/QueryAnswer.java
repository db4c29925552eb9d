package io.github.mlhighway.lifecycle.core.release.prometheus;

import java.util.List;
import java.util.Map;

/** What one instant query returned: an instant vector, or why there is none (already a sentence). */
sealed interface QueryAnswer {

    /**
     * One series of an instant vector.
     *
     * @param labels its labels ({@code __name__} included when the query keeps it)
     * @param value  the sample value as Prometheus wrote it ({@code "12"}, {@code "NaN"}, {@code "+Inf"})
     */
    record Sample(Map<String, String> labels, String value) {
        public Sample {
            labels = Map.copyOf(labels);
        }
    }

    /**
     * An instant vector (possibly empty).
     *
     * @param samples the series
     */
    record Vector(List<Sample> samples) implements QueryAnswer {
        public Vector {
            samples = List.copyOf(samples);
        }
    }

    /**
     * No vector: the server could not be reached, did not answer in time, answered an error or something that is
     * not a Prometheus vector.
     *
     * @param reason what went wrong, a sentence fragment naming neither the query nor the server (the caller adds
     *               both)
     */
    record Failure(String reason) implements QueryAnswer {
    }
}
