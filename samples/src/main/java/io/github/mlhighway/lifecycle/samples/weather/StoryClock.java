package io.github.mlhighway.lifecycle.samples.weather;

import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Simulated time of the story: every decision is stamped with the story's day (2015), not the wall clock, so a re-run
 * stage produces the same documents and the report's timelines follow the data.
 */
final class StoryClock {

    /**
     * @param day a story day
     * @return a clock fixed at that day's midnight UTC (gates and registry moves made "on" that day)
     */
    Clock at(LocalDate day) {
        return Clock.fixed(StoryStages.midnight(day), ZoneOffset.UTC);
    }

    /**
     * @param day a story day
     * @return a new simulated clock starting at that day's midnight UTC, advanced by the serving simulation
     */
    TestClock clockAt(LocalDate day) {
        return TestClock.at(StoryStages.midnight(day));
    }
}
