package io.github.mlhighway.lifecycle.testkit.behaviour;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of every behavioural test of a model.
 *
 * @param tests the results, in the order the tests were declared
 * @since 0.1
 */
public record BehaviourReport(List<BehaviourTestResult> tests) {

    /** The most offending examples {@link #describe()} lists per test. */
    public static final int MAX_LISTED = 20;

    /** Copies the list. */
    public BehaviourReport {
        tests = List.copyOf(tests);
    }

    /** @return true when every test passed */
    public boolean passed() {
        return tests.stream().allMatch(BehaviourTestResult::passed);
    }

    /** @return the tests that failed */
    public List<BehaviourTestResult> failures() {
        return tests.stream().filter(test -> !test.passed()).toList();
    }

    /**
     * The result of a test by name.
     *
     * @param name the test's name
     * @return the result
     * @throws IllegalArgumentException if no test has that name
     */
    public BehaviourTestResult test(String name) {
        return tests.stream().filter(test -> test.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No behavioural test named '" + name + "' among "
                        + tests.stream().map(BehaviourTestResult::name).toList()));
    }

    /**
     * Fails with every failed test and its offending examples listed.
     *
     * @throws AssertionError if a test failed
     */
    public void assertPassed() {
        if (!passed()) {
            throw new AssertionError(describe());
        }
    }

    /** @return one line per test, with up to {@link #MAX_LISTED} offending examples under each failed test */
    public String describe() {
        StringBuilder text = new StringBuilder();
        long failed = failures().size();
        text.append(failed == 0 ? "All " + tests.size() + " behavioural tests passed"
                : failed + " of " + tests.size() + " behavioural tests failed").append('\n');
        for (BehaviourTestResult test : tests) {
            text.append(test.passed() ? "  passed " : "  FAILED ").append(test.kind()).append(" '")
                    .append(test.name()).append("': ").append(test.offences().size()).append(" of ")
                    .append(test.examined()).append(" examples offend\n");
            text.append(test.offences().stream().limit(MAX_LISTED).map(o -> "    - " + o + "\n")
                    .collect(Collectors.joining()));
            if (test.offences().size() > MAX_LISTED) {
                text.append("    ... and ").append(test.offences().size() - MAX_LISTED).append(" more\n");
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
