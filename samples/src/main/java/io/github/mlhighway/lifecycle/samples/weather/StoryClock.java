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

    private final TestClock decisions = TestClock.at(StoryStages.midnight(StoryStages.TRAIN_TO.plusDays(1)));

    /**
     * The clock of the registry and the gates: it shows the day of the stage that is running (see
     * {@link #moveTo(LocalDate)}), so a version, an alias move or a verdict carries the story day it happened on.
     *
     * @return the decisions clock
     */
    Clock decisions() {
        return decisions;
    }

    /**
     * Moves the decisions clock forward to a story day's midnight (never backwards: a resumed run starts at the
     * story's beginning and catches up stage by stage).
     *
     * @param day the day the running stage acts on
     */
    synchronized void moveTo(LocalDate day) {
        java.time.Instant target = StoryStages.midnight(day);
        if (target.isAfter(decisions.instant())) {
            decisions.advance(java.time.Duration.between(decisions.instant(), target));
        }
    }

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
