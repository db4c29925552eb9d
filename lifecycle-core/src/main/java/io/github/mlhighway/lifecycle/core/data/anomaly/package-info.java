/**
 * Anomalies on metric history: row counts, null rates, or any metric observed over time, judged against an
 * online mean &plusmn; k&sigma; band (after a warm-up) and optional rate-of-change bounds, as Deequ does.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.data.anomaly;

import org.jspecify.annotations.NullMarked;
