package io.github.mlhighway.lifecycle.djl;

import ai.djl.training.tracker.Tracker;

/**
 * A learning-rate schedule continued after a resume: the optimizer counts its updates from 1 again, this tracker
 * adds the steps taken before the checkpoint, so update {@code n} of the resumed run gets the learning rate of
 * global step {@code steps + n}. DJL trackers are pure functions of the update count, so the schedule continues
 * exactly.
 */
final class ContinuedTracker implements Tracker {

    private final Tracker schedule;
    private final long stepsBefore;

    ContinuedTracker(Tracker schedule, long stepsBefore) {
        this.schedule = schedule;
        this.stepsBefore = stepsBefore;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return schedule.getNewValue(Math.toIntExact(stepsBefore + numUpdate));
    }
}
