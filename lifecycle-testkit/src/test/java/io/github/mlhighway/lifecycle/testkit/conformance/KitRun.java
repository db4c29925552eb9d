package io.github.mlhighway.lifecycle.testkit.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a conformance kit's subclass on the JUnit Platform, as a build would, and keeps each test's result: how the
 * kits' own tests see whether a kit fails a broken implementation.
 */
final class KitRun {

    private final Map<String, TestExecutionResult> results = new TreeMap<>();

    private KitRun() {
    }

    /**
     * Runs every test of a class.
     *
     * @param testClass a concrete subclass of a kit
     * @return the results, by test method name
     */
    static KitRun of(Class<?> testClass) {
        KitRun run = new KitRun();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .configurationParameter(RunOnlyThroughKitRun.PARAMETER, "true").build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                if (identifier.isTest() && identifier.getSource().orElse(null) instanceof MethodSource method) {
                    run.results.put(method.getMethodName(), result);
                } else if (identifier.isContainer() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    run.results.put("<container " + identifier.getDisplayName() + ">", result);
                }
            }
        });
        return run;
    }

    /** @return the tests that failed, with the first line of why */
    Map<String, String> failures() {
        Map<String, String> failures = new TreeMap<>();
        results.forEach((test, result) -> {
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                String message = result.getThrowable().map(t -> t.getClass().getSimpleName() + ": "
                        + String.valueOf(t.getMessage()).lines().findFirst().orElse("")).orElse("");
                failures.put(test, message.length() > 300 ? message.substring(0, 300) + "…" : message);
            }
        });
        return failures;
    }

    /** @return the tests that were skipped by an assumption */
    java.util.Set<String> aborted() {
        java.util.Set<String> aborted = new java.util.TreeSet<>();
        results.forEach((test, result) -> {
            if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                aborted.add(test);
            }
        });
        return aborted;
    }

    /** @return how many tests ran */
    int count() {
        return results.size();
    }
}
