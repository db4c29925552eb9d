package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.release.ReleaseStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The immutable description of one release: which versions, which strategy, the steps and the analysis rules.
 * Every strategy is the same state machine with different settings: the candidate's weight per step, how many
 * successful analyses each step needs, whether each analysis compares candidate with baseline, a mirror rate, and
 * whether the last step ends with a significance test. Build one with {@link #canary}, {@link #shadow},
 * {@link #abTest} or {@link #blueGreen}.
 *
 * @param releaseId          the release's id, also its journal key (letters, digits, {@code . _ -})
 * @param strategy           the strategy
 * @param baselineVersion    the version being replaced
 * @param candidateVersion   the version being released
 * @param baselineCohort     cohort name of requests served by the baseline
 * @param candidateCohort    cohort name of requests served by (or mirrored to) the candidate
 * @param weights            the candidate's traffic share in percent at each step, non-decreasing, in [0, 100]
 * @param analysesPerStep    successful analyses needed before leaving a step
 * @param interval           time between analyses; each analysis covers what the stats source counted since the
 *                           previous one (its cumulative totals minus those at the previous analysis)
 * @param failureLimit       failed analyses (over the whole release) that roll back
 * @param inconclusiveLimit  consecutive inconclusive analyses that pause
 * @param minSample          requests (and labelled predictions) a cohort needs in a window to be judged
 * @param maxErrorRatio      absolute bound on the candidate's error ratio
 * @param maxSlowRatio       absolute bound on the candidate's share of slow requests
 * @param compareToBaseline  whether each analysis compares the candidate with the baseline
 * @param maxRelativeFactor  candidate ratio must be at most baseline ratio times this factor ...
 * @param relativeSlack      ... plus this slack
 * @param alpha              significance level of the comparison and of the A/B test
 * @param mirrorRate         share of requests mirrored to the candidate (shadow), 0 otherwise
 * @param finalSignificance  whether the last step ends with a two-proportion z-test (A/B)
 * @param changeLabels       labels of the change shown to the error-budget policy (e.g. {@code security})
 * @param qualityComparison  whether analyses compare incorrect ratios, and whether too few labels is inconclusive
 * @param labelDelay         how long labels take to arrive; the first analysis at each step waits at least this
 *                           long after the step began ({@link Duration#ZERO}: no wait)
 * @since 0.1
 */
public record ReleaseConfig(String releaseId, ReleaseStrategy strategy, String baselineVersion,
                            String candidateVersion, String baselineCohort, String candidateCohort,
                            List<Integer> weights, int analysesPerStep, Duration interval, int failureLimit,
                            int inconclusiveLimit, long minSample, double maxErrorRatio, double maxSlowRatio,
                            boolean compareToBaseline, double maxRelativeFactor, double relativeSlack, double alpha,
                            double mirrorRate, boolean finalSignificance, Set<String> changeLabels,
                            QualityComparison qualityComparison, Duration labelDelay) {

    /** Default canary steps, in percent. */
    public static final List<Integer> DEFAULT_CANARY_STEPS = List.of(5, 25, 50, 100);
    /** Default analysis interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    /** Default failed analyses before rollback. */
    public static final int DEFAULT_FAILURE_LIMIT = 2;
    /** Default consecutive inconclusive analyses before pausing. */
    public static final int DEFAULT_INCONCLUSIVE_LIMIT = 3;
    /** Default minimum requests per cohort and window. */
    public static final long DEFAULT_MIN_SAMPLE = 100;
    /** Default absolute bound on the candidate's error ratio. */
    public static final double DEFAULT_MAX_ERROR_RATIO = 0.05;
    /** Default relative factor: the candidate may be at most 1.5 times as bad as the baseline ... */
    public static final double DEFAULT_RELATIVE_FACTOR = 1.5;
    /** ... plus this absolute slack, so a 0% baseline does not fail every candidate error. */
    public static final double DEFAULT_RELATIVE_SLACK = 0.005;
    /** Default significance level. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** Default shadow mirror rate. */
    public static final double DEFAULT_MIRROR_RATE = 0.1;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** Validates and copies the components (cross-field rules included). */
    public ReleaseConfig {
        Objects.requireNonNull(strategy, "strategy");
        requireId(releaseId);
        requireText("baselineVersion", baselineVersion);
        requireText("candidateVersion", candidateVersion);
        requireText("baselineCohort", baselineCohort);
        requireText("candidateCohort", candidateCohort);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(qualityComparison, "qualityComparison");
        Objects.requireNonNull(labelDelay, "labelDelay");
        if (labelDelay.isNegative()) {
            throw new IllegalArgumentException("Label delay must not be negative, was " + labelDelay);
        }
        weights = List.copyOf(weights);
        changeLabels = Set.copyOf(changeLabels);
        if (baselineVersion.equals(candidateVersion)) {
            throw new IllegalArgumentException("Candidate and baseline are the same version '" + baselineVersion + "'");
        }
        if (baselineCohort.equals(candidateCohort)) {
            throw new IllegalArgumentException("Candidate and baseline share the cohort '" + baselineCohort + "'");
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("A release needs at least one step weight");
        }
        int previous = 0;
        for (int weight : weights) {
            if (weight < 0 || weight > 100 || weight < previous) {
                throw new IllegalArgumentException("Step weights must be non-decreasing percentages in [0, 100], were "
                        + weights);
            }
            previous = weight;
        }
        requirePositive("analysesPerStep", analysesPerStep);
        requirePositive("failureLimit", failureLimit);
        requirePositive("inconclusiveLimit", inconclusiveLimit);
        requirePositive("minSample", minSample);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("Analysis interval must be positive, was " + interval);
        }
        requireFraction("maxErrorRatio", maxErrorRatio);
        requireFraction("maxSlowRatio", maxSlowRatio);
        requireFraction("relativeSlack", relativeSlack);
        requireFraction("mirrorRate", mirrorRate);
        if (!(maxRelativeFactor >= 1) || Double.isInfinite(maxRelativeFactor)) {
            throw new IllegalArgumentException("maxRelativeFactor must be finite and >= 1, was " + maxRelativeFactor);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
        if (strategy == ReleaseStrategy.SHADOW && (mirrorRate == 0 || !weights.equals(List.of(0)))) {
            throw new IllegalArgumentException("A shadow release mirrors a positive share and routes no traffic to the"
                    + " candidate (weights [0]), had mirrorRate=" + mirrorRate + " weights=" + weights);
        }
        if (strategy != ReleaseStrategy.SHADOW && mirrorRate != 0) {
            throw new IllegalArgumentException("Only a shadow release mirrors traffic, mirrorRate was " + mirrorRate);
        }
    }

    /**
     * A canary: steps 5, 25, 50, 100 %, one analysis a minute, rollback after 2 failed analyses.
     *
     * @param releaseId id of the release (journal key)
     * @param baseline  the version being replaced
     * @param candidate the version being released
     * @return a builder
     */
    public static Builder canary(String releaseId, String baseline, String candidate) {
        return new Builder(releaseId, ReleaseStrategy.CANARY, baseline, candidate, "baseline", "canary")
                .steps(DEFAULT_CANARY_STEPS.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * A shadow release: 10 % of requests mirrored to the candidate, promoted after 5 successful analyses.
     *
     * @param releaseId id of the release
     * @param baseline  the version that keeps answering
     * @param candidate the mirrored version
     * @return a builder
     */
    public static Builder shadow(String releaseId, String baseline, String candidate) {
        return new Builder(releaseId, ReleaseStrategy.SHADOW, baseline, candidate, "baseline", "shadow")
                .steps(0).mirrorRate(DEFAULT_MIRROR_RATE).analysesPerStep(5);
    }

    /**
     * An A/B test: a 50/50 split for 60 analyses, then a two-proportion z-test decides (B is promoted only when it
     * is significantly better; otherwise the baseline A stays).
     *
     * @param releaseId id of the release
     * @param a         the baseline version
     * @param b         the challenger
     * @return a builder
     */
    public static Builder abTest(String releaseId, String a, String b) {
        Builder builder = new Builder(releaseId, ReleaseStrategy.AB_TEST, a, b, "a", "b").steps(50)
                .analysesPerStep(60);
        builder.compareToBaseline = false;
        builder.finalSignificance = true;
        return builder;
    }

    /**
     * Blue/green: all traffic to green at once, rolled back if an analysis fails within a 10-minute window.
     *
     * @param releaseId id of the release
     * @param blue      the version being replaced
     * @param green     the version switched to
     * @return a builder
     */
    public static Builder blueGreen(String releaseId, String blue, String green) {
        Builder builder = new Builder(releaseId, ReleaseStrategy.BLUE_GREEN, blue, green, "blue", "green").steps(100)
                .failureLimit(1).rollbackWindow(Duration.ofMinutes(10));
        builder.compareToBaseline = false;
        return builder;
    }

    /**
     * The candidate's weight at a step.
     *
     * @param stepIndex the step, -1 before the first
     * @return percent of traffic
     */
    public int weightAt(int stepIndex) {
        return stepIndex < 0 ? 0 : weights.get(stepIndex);
    }

    /**
     * The index of the last step.
     *
     * @return weights.size() - 1
     */
    public int lastStep() {
        return weights.size() - 1;
    }

    /**
     * How long after a step begins its first analysis is due: the interval, or the label delay when longer.
     *
     * @return the wait
     */
    public Duration firstAnalysisDelay() {
        return labelDelay.compareTo(interval) > 0 ? labelDelay : interval;
    }

    private static void requireId(String id) {
        Objects.requireNonNull(id, "releaseId");
        if (!ID.matcher(id).matches() || id.contains("..")) {
            throw new IllegalArgumentException("Release id must be 1-128 letters, digits or . _ - (starting with a"
                    + " letter or digit, no '..'), was '" + id + "'");
        }
    }

    private static void requireText(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }

    /** Builds a {@link ReleaseConfig}; each setter validates its argument at once, {@link #build()} the rest. */
    public static final class Builder {
        private final String releaseId;
        private final ReleaseStrategy strategy;
        private final String baselineVersion;
        private final String candidateVersion;
        private String baselineCohort;
        private String candidateCohort;
        private List<Integer> weights = List.of();
        private int analysesPerStep = 1;
        private Duration interval = DEFAULT_INTERVAL;
        private int failureLimit = DEFAULT_FAILURE_LIMIT;
        private int inconclusiveLimit = DEFAULT_INCONCLUSIVE_LIMIT;
        private long minSample = DEFAULT_MIN_SAMPLE;
        private double maxErrorRatio = DEFAULT_MAX_ERROR_RATIO;
        private double maxSlowRatio = 1.0;
        private boolean compareToBaseline = true;
        private double maxRelativeFactor = DEFAULT_RELATIVE_FACTOR;
        private double relativeSlack = DEFAULT_RELATIVE_SLACK;
        private double alpha = DEFAULT_ALPHA;
        private double mirrorRate;
        private boolean finalSignificance;
        private @Nullable Duration rollbackWindow;
        private Set<String> changeLabels = Set.of();
        private QualityComparison qualityComparison = QualityComparison.WHEN_LABELLED;
        private Duration labelDelay = Duration.ZERO;

        private Builder(String releaseId, ReleaseStrategy strategy, String baseline, String candidate,
                        String baselineCohort, String candidateCohort) {
            requireId(releaseId);
            requireText("baseline version", baseline);
            requireText("candidate version", candidate);
            this.releaseId = releaseId;
            this.strategy = strategy;
            this.baselineVersion = baseline;
            this.candidateVersion = candidate;
            this.baselineCohort = baselineCohort;
            this.candidateCohort = candidateCohort;
        }

        /**
         * The candidate's weight at each step, in percent.
         *
         * @param percents non-decreasing values in [0, 100]
         * @return this builder
         */
        public Builder steps(int... percents) {
            List<Integer> list = new ArrayList<>();
            for (int percent : percents) {
                if (percent < 0 || percent > 100) {
                    throw new IllegalArgumentException("Step weight must be in [0, 100], was " + percent + " in "
                            + Arrays.toString(percents));
                }
                list.add(percent);
            }
            this.weights = List.copyOf(list);
            return this;
        }

        /**
         * Successful analyses needed per step (shadow: analyses before promotion; A/B: length of the test).
         *
         * @param count at least 1
         * @return this builder
         */
        public Builder analysesPerStep(int count) {
            requirePositive("analysesPerStep", count);
            this.analysesPerStep = count;
            return this;
        }

        /**
         * Time between analyses; each covers what the cohorts counted since the previous one.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder interval(Duration value) {
            Objects.requireNonNull(value, "interval");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("Analysis interval must be positive, was " + value);
            }
            this.interval = value;
            return this;
        }

        /**
         * Failed analyses, counted over the whole release, that roll it back.
         *
         * @param limit at least 1
         * @return this builder
         */
        public Builder failureLimit(int limit) {
            requirePositive("failureLimit", limit);
            this.failureLimit = limit;
            return this;
        }

        /**
         * Consecutive inconclusive analyses that pause the release.
         *
         * @param limit at least 1
         * @return this builder
         */
        public Builder inconclusiveLimit(int limit) {
            requirePositive("inconclusiveLimit", limit);
            this.inconclusiveLimit = limit;
            return this;
        }

        /**
         * Requests a cohort needs in one window to be judged; fewer make the analysis inconclusive.
         *
         * @param requests at least 1
         * @return this builder
         */
        public Builder minSample(long requests) {
            requirePositive("minSample", requests);
            this.minSample = requests;
            return this;
        }

        /**
         * Absolute bound on the candidate's error ratio.
         *
         * @param ratio in [0, 1]
         * @return this builder
         */
        public Builder maxErrorRatio(double ratio) {
            requireFraction("maxErrorRatio", ratio);
            this.maxErrorRatio = ratio;
            return this;
        }

        /**
         * Absolute bound on the candidate's share of slow requests (1 disables the check).
         *
         * @param ratio in [0, 1]
         * @return this builder
         */
        public Builder maxSlowRatio(double ratio) {
            requireFraction("maxSlowRatio", ratio);
            this.maxSlowRatio = ratio;
            return this;
        }

        /**
         * The canary-versus-baseline rule: the candidate's error (and incorrect) ratio must be at most
         * {@code baseline * factor + slack}, unless the excess is not statistically significant.
         *
         * @param factor at least 1
         * @param slack  in [0, 1]
         * @return this builder
         */
        public Builder comparison(double factor, double slack) {
            if (!(factor >= 1) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("Relative factor must be finite and >= 1, was " + factor);
            }
            requireFraction("relative slack", slack);
            this.compareToBaseline = true;
            this.maxRelativeFactor = factor;
            this.relativeSlack = slack;
            return this;
        }

        /**
         * Significance level of the comparison and of the A/B test.
         *
         * @param value in (0, 1)
         * @return this builder
         */
        public Builder alpha(double value) {
            if (!(value > 0 && value < 1)) {
                throw new IllegalArgumentException("alpha must be in (0, 1), was " + value);
            }
            this.alpha = value;
            return this;
        }

        /**
         * Share of requests mirrored to the candidate (shadow releases only).
         *
         * @param rate in (0, 1]
         * @return this builder
         */
        public Builder mirrorRate(double rate) {
            if (!(rate > 0 && rate <= 1)) {
                throw new IllegalArgumentException("Mirror rate must be in (0, 1], was " + rate);
            }
            this.mirrorRate = rate;
            return this;
        }

        /**
         * Blue/green: how long after the switch a failed analysis still rolls back; becomes
         * {@code ceil(window / interval)} analyses at the single step. Set the interval first.
         *
         * @param window a positive duration
         * @return this builder
         */
        public Builder rollbackWindow(Duration window) {
            Objects.requireNonNull(window, "rollbackWindow");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("Rollback window must be positive, was " + window);
            }
            this.rollbackWindow = window;
            return this;
        }

        /**
         * Cohort names under which the serving side counts baseline and candidate requests.
         *
         * @param baseline  baseline cohort
         * @param candidate candidate cohort
         * @return this builder
         */
        public Builder cohorts(String baseline, String candidate) {
            requireText("baseline cohort", baseline);
            requireText("candidate cohort", candidate);
            this.baselineCohort = baseline;
            this.candidateCohort = candidate;
            return this;
        }

        /**
         * Labels of the change shown to the error-budget policy, e.g. {@code security} for an exempt fix.
         *
         * @param labels labels
         * @return this builder
         */
        public Builder changeLabels(String... labels) {
            this.changeLabels = Set.of(labels);
            return this;
        }

        /**
         * Whether analyses compare the cohorts' incorrect ratios; the default,
         * {@link QualityComparison#WHEN_LABELLED}, compares when both cohorts have {@code minSample} labels.
         *
         * @param value the mode
         * @return this builder
         */
        public Builder qualityComparison(QualityComparison value) {
            this.qualityComparison = Objects.requireNonNull(value, "qualityComparison");
            return this;
        }

        /**
         * Quality must be judged: an analysis in which a cohort has fewer than {@code minSample} labels is
         * inconclusive. Same as {@code qualityComparison(QualityComparison.REQUIRED)}.
         *
         * @return this builder
         */
        public Builder requireLabels() {
            return qualityComparison(QualityComparison.REQUIRED);
        }

        /**
         * How long delayed labels take to arrive: the first analysis at each step happens no sooner than this
         * after the step began (and says so in its verdict), so it sees labels of predictions served at the step.
         * Labels are counted in the analysis in which they are joined.
         *
         * @param value zero or positive
         * @return this builder
         */
        public Builder labelDelay(Duration value) {
            Objects.requireNonNull(value, "labelDelay");
            if (value.isNegative()) {
                throw new IllegalArgumentException("Label delay must not be negative, was " + value);
            }
            this.labelDelay = value;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException when the settings contradict each other
         */
        public ReleaseConfig build() {
            int perStep = analysesPerStep;
            if (rollbackWindow != null) {
                perStep = (int) Math.max(1,
                        (rollbackWindow.toMillis() + interval.toMillis() - 1) / interval.toMillis());
            }
            return new ReleaseConfig(releaseId, strategy, baselineVersion, candidateVersion, baselineCohort,
                    candidateCohort, weights, perStep, interval, failureLimit, inconclusiveLimit, minSample,
                    maxErrorRatio, maxSlowRatio, compareToBaseline, maxRelativeFactor, relativeSlack, alpha,
                    mirrorRate, finalSignificance, changeLabels, qualityComparison, labelDelay);
        }
    }
}
