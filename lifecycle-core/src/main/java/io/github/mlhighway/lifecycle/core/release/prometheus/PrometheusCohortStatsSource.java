package io.github.mlhighway.lifecycle.core.release.prometheus;

import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.CohortStatsSource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cohort counts of a release summed over a whole fleet, read from a Prometheus server that scrapes every
 * replica: a {@link CohortStatsSource} for a {@code ReleaseController} when many JVMs serve one canary and each
 * exports its guarded model's SLO counters to Prometheus (Micrometer's Prometheus registry with
 * {@link io.github.mlhighway.lifecycle.core.micrometer.SloMeters} bound to {@code model.slos()}).
 *
 * <h2>What is read</h2>
 * A guarded model keeps three SLO trackers per cohort, named {@code <model>.cohort.<cohort>.<sli>}, and the
 * Micrometer binding exports each tracker's recorded events as the counter
 * {@value #DEFAULT_METRIC}{@code {slo="<name>", outcome="good|bad"}}. Per cohort:
 * <ul>
 *   <li>requests = good + bad of {@code availability}, errors = its bad;</li>
 *   <li>slow requests = bad of {@code latency};</li>
 *   <li>labelled = good + bad of {@code correct}, incorrect = its bad.</li>
 * </ul>
 * These raw counters are read, not the recording rules {@code lifecycle slo rules} writes: those rules
 * ({@code slo:sli_error:ratio_rate5m} and friends, in Sloth's names) are error <em>ratios</em> over fixed windows,
 * while the analysis needs <em>counts</em> (for its minimum sample and its A/B test) over exactly the time since
 * its previous analysis. The counters are the same ones the rules are written over, so the two agree.
 *
 * <h2>Cumulative totals, resets and replicas</h2>
 * {@link #totals(String)} is what the release controller reads: the counts since {@link Builder#countingSince}
 * (by default, when this source was built), and the controller analyses the difference between two readings.
 * A plain {@code sum()} of the counters would drop whenever a replica restarts (its counters start again at
 * zero), which the controller takes for a restart of the whole source and answers by analysing everything
 * counted since: every other replica's counts would be counted a second time. So every series is taken apart
 * before the sum, over the range {@code [countingSince, now]}:
 * <pre>{@code
 * sum by (slo, outcome) (
 *     (last_over_time(S[R]) - S offset R) >= 0 unless resets(S[R]) > 0                  # exact: no reset
 *   or last_over_time(S[R]) unless S offset R unless resets(S[R]) > 0                   # exact: born since
 *   or increase(S[R])                                                                   # a reset: estimate
 * )
 * }</pre>
 * (see {@link #DEFAULT_COUNTS_QUERY}; {@code S} is the cohort's selector, {@code R} the range). A series without
 * a reset counts its newest value minus its value at {@code countingSince}, exactly; a series that appeared since
 * (a replica that started, a cohort that was created) counts all of its newest value; a series that reset
 * (its replica restarted with the same labels) counts Prometheus's {@code increase()}, which adds up the pieces
 * between resets but cannot count what the series held at its first sample in the range and extrapolates at the
 * range's ends: an estimate, off by about a scrape interval's worth of that replica's traffic (a replica whose
 * counters are scraped within an interval of their creation loses little). A series
 * that stopped (a replica that died) keeps contributing what it reported last ({@code last_over_time}), so what
 * a dead replica served stays counted. The totals are kept monotone here (each count is at least what the
 * previous reading reported), so an estimate that wobbles downwards holds the count instead, and is never read as
 * a restart. So no request is counted in two analyses, and none twice in one (bar the extrapolation of a reset
 * series); what a replica served after its last scrape before it died or restarted is lost, never counted twice.
 * A replica that restarts and counts past its old value before Prometheus scrapes it shows no reset: what it
 * served before the restart is then lost too (an undercount, never a double count). The {@link CohortStats#window() window} of the
 * totals is the time since {@code countingSince}: a controller resumed in another process with a source of a
 * later {@code countingSince} sees a restart (and says so in a finding); give the release's start to avoid that.
 *
 * <h2>No data is a gap, never a pass</h2>
 * Every reading that could not count something becomes a sentence of {@link #gaps(Instant)}, which the release
 * analysis turns into an INCONCLUSIVE finding: an empty result vector, a query error, a server that cannot be
 * reached or does not answer within the timeout, an answer that is not Prometheus JSON, a NaN, infinite or
 * negative value, an SLO of the cohort with no series, a replica that reported in the last
 * {@link Builder#silenceWindow silence window} and has no current sample (it stopped reporting; a replica that
 * restarted and no longer serves a cohort, such as the baseline at 100%, is silent for it until the window has
 * passed), and a current sample older than {@link Builder#maxSampleAge}. Prometheus cannot tell a cohort that
 * never served from one whose replicas are not scraped, so a cohort without any series is a gap too (unlike the
 * guarded model's own totals, which read zero): a release that starts at 100% with a baseline that never served
 * here stays INCONCLUSIVE. Each sentence names the server, the cohort and the query. While
 * a reading fails, {@link #totals} repeats the last counts it reported (so the analysis covers nothing new, and
 * the next good reading covers the whole gap), or zero before any good reading. Nothing here throws for what the
 * server does, so a release's {@code tick()} never fails on it. The bearer token is sent as a header only and
 * is replaced by {@code <token>} wherever a server's answer would echo it into a message.
 *
 * <pre>{@code
 * CohortStatsSource fleet = PrometheusCohortStatsSource.builder(URI.create("http://prometheus:9090"), "rain", clock)
 *     .countingSince(releaseStart).matchers("job=\"rain-serving\"").build();
 * ReleaseController release = ReleaseController.builder(config, store, fleet, clock).open();
 * }</pre>
 *
 * <p>Queries are evaluated at the injected clock's instant ({@code time} parameter of {@code /api/v1/query}).
 * Thread-safe: readings are serialised.
 *
 * @since 0.1
 */
public final class PrometheusCohortStatsSource implements CohortStatsSource {

    /** The Prometheus name of the SLO event counters exported by the Micrometer binding. */
    public static final String DEFAULT_METRIC = "lifecycle_slo_events_total";

    /**
     * The counts query; {@code ${selector}} is replaced by the cohort's counters (metric, {@code slo} regex and the
     * extra matchers) and {@code ${range}} by the time since {@code countingSince} in milliseconds. See the class
     * description for what each line counts.
     */
    public static final String DEFAULT_COUNTS_QUERY = "sum by (slo, outcome) ("
            + "(last_over_time(${selector}[${range}]) - ${selector} offset ${range}) >= 0"
            + " unless resets(${selector}[${range}]) > 0"
            + " or last_over_time(${selector}[${range}]) unless ${selector} offset ${range}"
            + " unless resets(${selector}[${range}]) > 0"
            + " or increase(${selector}[${range}]))";

    /** How long one query may take, connecting included. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** How old the newest sample of a cohort's series may be before the reading is a gap. */
    public static final Duration DEFAULT_MAX_SAMPLE_AGE = Duration.ofMinutes(2);
    /** How long a series that stopped reporting makes readings a gap. */
    public static final Duration DEFAULT_SILENCE_WINDOW = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusCohortStatsSource.class);
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final PrometheusApi api;
    private final CohortQueries queries;
    private final Clock clock;
    private final Instant since;
    private final Duration maxSampleAge;
    private final Duration silenceWindow;
    private final Map<String, CohortState> cohorts = new LinkedHashMap<>();

    private PrometheusCohortStatsSource(Builder builder) {
        this.api = new PrometheusApi(builder.prometheus, builder.timeout, builder.bearerToken);
        this.queries = new CohortQueries(builder.metric, builder.model, builder.matchers, builder.countsQuery);
        this.clock = builder.clock;
        this.since = builder.since != null ? builder.since : builder.clock.instant();
        this.maxSampleAge = builder.maxSampleAge;
        this.silenceWindow = builder.silenceWindow;
    }

    /**
     * A builder.
     *
     * @param prometheus the server's base URL, e.g. {@code http://prometheus:9090} (a path prefix is kept)
     * @param model      the guarded model's name, as given to {@code GuardedModel.builder(name)}
     * @param clock      the clock queries are evaluated at (the release controller's)
     * @return the builder
     */
    public static Builder builder(URI prometheus, String model, Clock clock) {
        return new Builder(prometheus, model, clock);
    }

    /**
     * The counts over the trailing window, from {@code increase()} (an estimate: Prometheus extrapolates to the
     * window's ends). Only a source without totals is read this way; a failure reads as zero and is a gap.
     *
     * @param cohort the cohort name
     * @param window how far back to look
     * @return the estimated counts
     */
    @Override
    public synchronized CohortStats stats(String cohort, Duration window) {
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(window, "window");
        Instant at = clock.instant();
        List<String> gaps = new ArrayList<>();
        String query = queries.windowed(cohort, window);
        CohortStats counted = counts(cohort, window, query, api.query(query, at), at, gaps);
        state(cohort).latest = new Reading(at, gaps);
        return counted != null ? counted : new CohortStats(cohort, window, 0, 0, 0, 0, 0);
    }

    /**
     * The counts since {@code countingSince}, summed over every replica, at the clock's instant; never lower than
     * the previous reading's. When the reading fails, the previous counts (zero at first) and a gap.
     *
     * @param cohort the cohort name
     * @return the totals, always present
     */
    @Override
    public synchronized Optional<CohortStats> totals(String cohort) {
        Objects.requireNonNull(cohort, "cohort");
        return Optional.of(read(cohort, clock.instant()));
    }

    /**
     * What the latest reading of each cohort read so far could not count; a cohort whose latest reading is older
     * than {@code asOf} is read again at {@code asOf} first.
     *
     * @param asOf when the analysis reads the source
     * @return one sentence per gap, naming the server, the cohort and the query
     */
    @Override
    public synchronized List<String> gaps(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<String> gaps = new ArrayList<>();
        for (Map.Entry<String, CohortState> entry : cohorts.entrySet()) {
            Reading latest = entry.getValue().latest;
            if (latest == null || latest.at().isBefore(asOf)) {
                read(entry.getKey(), asOf);
                latest = Objects.requireNonNull(entry.getValue().latest, "read(..) records the reading");
            }
            gaps.addAll(latest.gaps());
        }
        return List.copyOf(gaps);
    }

    /**
     * The counts query of a cohort as it would be sent at {@code at}, e.g. to paste into Prometheus's console.
     *
     * @param cohort the cohort
     * @param at     the evaluation time
     * @return the PromQL
     */
    public String countsQuery(String cohort, Instant at) {
        return queries.counts(Objects.requireNonNull(cohort, "cohort"), counting(Objects.requireNonNull(at, "at")));
    }

    @Override
    public String toString() {
        return "PrometheusCohortStatsSource[" + api + ", since " + since + "]";
    }

    private CohortStats read(String cohort, Instant at) {
        CohortState state = state(cohort);
        Duration counting = counting(at);
        List<String> gaps = new ArrayList<>();
        @Nullable CohortStats fresh;
        if (counting.toMillis() < 1) {
            fresh = new CohortStats(cohort, counting, 0, 0, 0, 0, 0); // nothing can have been counted yet
        } else {
            String query = queries.counts(cohort, counting);
            QueryAnswer answer = api.query(query, at);
            fresh = counts(cohort, counting, query, answer, at, gaps);
            if (answer instanceof QueryAnswer.Vector) {
                liveness(cohort, at, gaps);
            }
        }
        CohortStats reported = monotone(state.reported, fresh, cohort, counting);
        state.reported = reported;
        state.latest = new Reading(at, gaps);
        if (!gaps.isEmpty()) {
            LOG.debug("Prometheus reading of cohort '{}' at {} has gaps: {}", cohort, at, gaps);
        }
        return reported;
    }

    /** The counts in an answer of the counts query, or null (with a gap) when it does not give all of them. */
    private @Nullable CohortStats counts(String cohort, Duration window, String query, QueryAnswer answer, Instant at,
                               List<String> gaps) {
        if (answer instanceof QueryAnswer.Failure failure) {
            gaps.add(gap(failure.reason(), cohort, query, at));
            return null;
        }
        List<QueryAnswer.Sample> samples = ((QueryAnswer.Vector) answer).samples();
        if (samples.isEmpty()) {
            gaps.add(gap("answered no data (an empty vector)", cohort, query, at) + ": no replica of model '"
                    + modelOf(cohort) + "' has reported this cohort's SLO counters; check that the replicas are"
                    + " scraped, that their SLO meters are bound, and the model and cohort names");
            return null;
        }
        String prefix = queries.sloPrefix(cohort);
        Map<String, long[]> bySli = new TreeMap<>(); // sli -> {good, bad, series seen}
        for (QueryAnswer.Sample sample : samples) {
            String slo = sample.labels().get("slo");
            String outcome = sample.labels().get("outcome");
            if (slo == null || outcome == null) {
                gaps.add(gap("answered a series without the slo and outcome labels, " + sample.labels()
                        + " (the counts query must keep them: sum by (slo, outcome))", cohort, query, at));
                return null;
            }
            if (!slo.startsWith(prefix) || !(outcome.equals("good") || outcome.equals("bad"))) {
                continue; // another SLO or outcome the selector let through: not a count of this cohort
            }
            String problem = problem(sample.value());
            if (problem != null) {
                gaps.add(gap("answered " + problem + " for slo=\"" + slo + "\", outcome=\"" + outcome + "\"", cohort,
                        query, at));
                return null;
            }
            long[] counts = bySli.computeIfAbsent(slo.substring(prefix.length()), k -> new long[3]);
            counts[outcome.equals("good") ? 0 : 1] += Math.round(Double.parseDouble(sample.value()));
            counts[2]++;
        }
        List<String> missing = new ArrayList<>();
        for (String sli : List.of(CohortQueries.AVAILABILITY, CohortQueries.LATENCY, CohortQueries.CORRECT)) {
            if (!bySli.containsKey(sli)) {
                missing.add(prefix + sli);
            }
        }
        if (!missing.isEmpty()) {
            gaps.add(gap("answered no series for the SLO(s) " + missing, cohort, query, at)
                    + ": the cohort's counts are incomplete");
            return null;
        }
        // all three are present: checked just above
        long[] calls = Objects.requireNonNull(bySli.get(CohortQueries.AVAILABILITY));
        long[] speed = Objects.requireNonNull(bySli.get(CohortQueries.LATENCY));
        long[] labels = Objects.requireNonNull(bySli.get(CohortQueries.CORRECT));
        long requests = calls[0] + calls[1];
        long labelled = labels[0] + labels[1];
        // The SLOs are scraped as separate series: clamp so a request counted in one and not yet in the other
        // cannot break the invariants (as the guarded model does for its own totals).
        return new CohortStats(cohort, window, requests, calls[1], Math.min(speed[1], requests), labelled,
                labels[1]);
    }

    /** The liveness checks: replicas that went silent, and samples too old to be current. */
    private void liveness(String cohort, Instant at, List<String> gaps) {
        String silentQuery = queries.silent(cohort, silenceWindow);
        QueryAnswer silent = api.query(silentQuery, at);
        if (silent instanceof QueryAnswer.Failure failure) {
            gaps.add(gap(failure.reason(), cohort, silentQuery, at));
            return;
        }
        List<String> replicas = replicas(((QueryAnswer.Vector) silent).samples());
        if (!replicas.isEmpty()) {
            gaps.add(gap("has no current sample from " + replicas.size() + " replica(s) that reported in the last "
                    + silenceWindow + " " + replicas, cohort, silentQuery, at) + ": they stopped reporting or are"
                    + " no longer scraped, and what they served since their last scrape is not counted");
        }
        String staleQuery = queries.stale(cohort, maxSampleAge);
        QueryAnswer stale = api.query(staleQuery, at);
        if (stale instanceof QueryAnswer.Failure failure) {
            gaps.add(gap(failure.reason(), cohort, staleQuery, at));
            return;
        }
        List<QueryAnswer.Sample> old = ((QueryAnswer.Vector) stale).samples();
        if (!old.isEmpty()) {
            gaps.add(gap("holds samples older than " + maxSampleAge + " as the newest of " + replicas(old).size()
                    + " replica(s) " + replicas(old) + " (stale series: the counts may be behind)", cohort,
                    staleQuery, at));
        }
    }

    /** Why a sample value is not a count, or null when it is one. */
    private static @Nullable String problem(String value) {
        if (value.equalsIgnoreCase("NaN")) {
            return "NaN";
        }
        if (value.equals("+Inf") || value.equals("-Inf") || value.equalsIgnoreCase("Inf")) {
            return "an infinite value (" + value + ")";
        }
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return "a value that is not a number ('" + value + "')";
        }
        if (Double.isNaN(parsed) || Double.isInfinite(parsed)) {
            return "a value that is not a finite number ('" + value + "')";
        }
        if (parsed < 0) {
            return "a negative count (" + value + "); counters only grow, so the counts query is wrong";
        }
        return null;
    }

    /** The distinct replicas of some series: their labels without the metric name, slo and outcome. */
    private static List<String> replicas(List<QueryAnswer.Sample> samples) {
        List<String> replicas = new ArrayList<>();
        for (QueryAnswer.Sample sample : samples) {
            Map<String, String> labels = new TreeMap<>(sample.labels());
            labels.remove("__name__");
            labels.remove("slo");
            labels.remove("outcome");
            String replica = labels.toString();
            if (!replicas.contains(replica)) {
                replicas.add(replica);
            }
        }
        return replicas;
    }

    private CohortStats monotone(@Nullable CohortStats previous, @Nullable CohortStats fresh, String cohort,
                                 Duration counting) {
        if (previous == null) {
            return fresh != null ? fresh : new CohortStats(cohort, counting, 0, 0, 0, 0, 0);
        }
        if (fresh == null) {
            return new CohortStats(cohort, counting, previous.requests(), previous.errors(), previous.slowRequests(),
                    previous.labelled(), previous.incorrect());
        }
        long requests = Math.max(previous.requests(), fresh.requests());
        long labelled = Math.max(previous.labelled(), fresh.labelled());
        return new CohortStats(cohort, counting, requests,
                Math.min(requests, Math.max(previous.errors(), fresh.errors())),
                Math.min(requests, Math.max(previous.slowRequests(), fresh.slowRequests())), labelled,
                Math.min(labelled, Math.max(previous.incorrect(), fresh.incorrect())));
    }

    private String gap(String what, String cohort, String query, Instant at) {
        return "Prometheus " + api + " " + api.redact(what) + " for cohort '" + cohort + "' (query `"
                + query.replaceAll("\\s+", " ") + "` at " + at + ")";
    }

    private String modelOf(String cohort) {
        String prefix = queries.sloPrefix(cohort);
        return prefix.substring(0, prefix.indexOf(".cohort."));
    }

    private Duration counting(Instant at) {
        Duration counting = Duration.between(since, at);
        return counting.isNegative() ? Duration.ZERO : counting;
    }

    private CohortState state(String cohort) {
        return cohorts.computeIfAbsent(cohort, c -> new CohortState());
    }

    /** When a cohort was last read and what that reading could not count. */
    private record Reading(Instant at, List<String> gaps) {
        Reading {
            gaps = List.copyOf(gaps);
        }
    }

    /** What this source last reported for one cohort. */
    private static final class CohortState {
        @Nullable CohortStats reported;
        @Nullable Reading latest;
    }

    /** Options of a {@link PrometheusCohortStatsSource}; every argument is checked when it is given. */
    public static final class Builder {
        private final URI prometheus;
        private final String model;
        private final Clock clock;
        private @Nullable Instant since;
        private Duration timeout = DEFAULT_TIMEOUT;
        private String metric = DEFAULT_METRIC;
        private String matchers = "";
        private String countsQuery = DEFAULT_COUNTS_QUERY;
        private @Nullable String bearerToken;
        private Duration maxSampleAge = DEFAULT_MAX_SAMPLE_AGE;
        private Duration silenceWindow = DEFAULT_SILENCE_WINDOW;

        private Builder(URI prometheus, String model, Clock clock) {
            Objects.requireNonNull(prometheus, "prometheus");
            String scheme = prometheus.getScheme();
            if (!prometheus.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    || prometheus.getHost() == null) {
                throw new IllegalArgumentException("Prometheus URL must be an absolute http(s) URL with a host, e.g."
                        + " http://prometheus:9090, not '" + prometheus + "'");
            }
            if (prometheus.getRawUserInfo() != null) {
                throw new IllegalArgumentException("Prometheus URL must not hold user info (it would appear in"
                        + " messages); give a bearerToken(..) instead: " + prometheus.getScheme() + "://"
                        + prometheus.getHost());
            }
            if (prometheus.getRawQuery() != null || prometheus.getRawFragment() != null) {
                throw new IllegalArgumentException("Prometheus URL must not have a query or fragment: '"
                        + prometheus + "'");
            }
            this.prometheus = prometheus;
            this.model = requireText(model, "model");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * Where counting starts: the totals are the counts since this instant. Give the release's start so a
         * controller resumed in another process continues without a restart; default: when {@link #build()} runs,
         * by the clock.
         *
         * @param value the instant
         * @return this builder
         */
        public Builder countingSince(Instant value) {
            this.since = Objects.requireNonNull(value, "countingSince");
            return this;
        }

        /**
         * How long one query may take, connecting included (also sent as the query's {@code timeout}).
         *
         * @param value a positive duration; default {@link #DEFAULT_TIMEOUT}
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = requirePositive(value, "timeout");
            return this;
        }

        /**
         * The Prometheus name of the SLO event counters (labelled {@code slo} and {@code outcome}).
         *
         * @param value a metric name; default {@value #DEFAULT_METRIC}
         * @return this builder
         */
        public Builder metric(String value) {
            requireText(value, "metric");
            if (!METRIC_NAME.matcher(value).matches()) {
                throw new IllegalArgumentException("metric must be a Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*),"
                        + " not '" + value + "'");
            }
            this.metric = value;
            return this;
        }

        /**
         * Label matchers added to the selector, e.g. {@code job="rain-serving", region="eu"}, to pick this fleet's
         * replicas.
         *
         * @param value matchers separated by commas, without braces
         * @return this builder
         */
        public Builder matchers(String value) {
            requireText(value, "matchers");
            if (value.contains("{") || value.contains("}")) {
                throw new IllegalArgumentException("matchers go inside the selector's braces; give them without"
                        + " braces, e.g. job=\"serving\", not '" + value + "'");
            }
            this.matchers = value.trim();
            return this;
        }

        /**
         * Replaces the counts query. It must keep the labels {@code slo} and {@code outcome} ({@code sum by (slo,
         * outcome)}) and count since the start of the range; {@code ${selector}} and {@code ${range}} are
         * replaced as in {@link #DEFAULT_COUNTS_QUERY}.
         *
         * @param template the PromQL template, holding both placeholders
         * @return this builder
         */
        public Builder countsQuery(String template) {
            requireText(template, "countsQuery");
            if (!template.contains(CohortQueries.SELECTOR) || !template.contains(CohortQueries.RANGE)) {
                throw new IllegalArgumentException("countsQuery must hold both " + CohortQueries.SELECTOR + " and "
                        + CohortQueries.RANGE + ": '" + template + "'");
            }
            this.countsQuery = template;
            return this;
        }

        /**
         * A bearer token sent with every query ({@code Authorization: Bearer ...}); it never appears in messages.
         *
         * @param value the token
         * @return this builder
         */
        public Builder bearerToken(String value) {
            requireText(value, "bearerToken");
            if (value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("bearerToken must be printable ASCII without spaces (its value is"
                        + " not shown)");
            }
            this.bearerToken = value;
            return this;
        }

        /**
         * How old the newest sample of a cohort's series may be: an older one makes the reading a gap.
         *
         * @param value a positive duration, a few scrape intervals; default {@link #DEFAULT_MAX_SAMPLE_AGE}
         * @return this builder
         */
        public Builder maxSampleAge(Duration value) {
            this.maxSampleAge = requirePositive(value, "maxSampleAge");
            return this;
        }

        /**
         * How long after a replica stopped reporting its silence makes readings a gap; the release's analysis
         * interval makes exactly the analysis in which it stopped INCONCLUSIVE.
         *
         * @param value a positive duration; default {@link #DEFAULT_SILENCE_WINDOW}
         * @return this builder
         */
        public Builder silenceWindow(Duration value) {
            this.silenceWindow = requirePositive(value, "silenceWindow");
            return this;
        }

        /**
         * Builds the source (no query is sent yet).
         *
         * @return the source
         */
        public PrometheusCohortStatsSource build() {
            return new PrometheusCohortStatsSource(this);
        }

        private static String requireText(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }

        private static Duration requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, not " + value);
            }
            return value;
        }
    }
}
