package io.github.mlhighway.lifecycle.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a running stage may know and do: which run and attempt it is, its deadline, and whether to stop.
 *
 * @since 0.1
 */
public interface StageContext {

    /** @return the id of the run */
    String runId();

    /** @return the name of the stage */
    String stageName();

    /** @return the attempt number, 1 for the first */
    int attempt();

    /** @return the run's injected clock; use it instead of the system clock */
    Clock clock();

    /** @return the instant this attempt must finish by (the earlier of stage and run deadline), if any */
    Optional<Instant> deadline();

    /** @return the pipeline's parameters, as recorded in the run's provenance */
    Map<String, String> parameters();

    /**
     * Tells whether the stage should stop: the run was cancelled, the thread interrupted, or a deadline passed.
     *
     * @return true when the stage should stop as soon as it can
     */
    boolean isCancelled();

    /**
     * Stops the stage if it should stop.
     *
     * @throws StageCancelledException if {@link #isCancelled()}; its {@link StageCancelledException#status()}
     *                                 says whether a deadline passed or the run was cancelled
     */
    void checkCancelled();

    /**
     * Records a data set the stage read, for lineage ("what used data set Y").
     *
     * @param name   a name for the data set, e.g. a file name
     * @param sha256 the lowercase hex SHA-256 of its content
     */
    void recordInput(String name, String sha256);

    /**
     * The run's input, as passed to the runner.
     *
     * @param type the input's class (or a supertype of it)
     * @param <T>  the type
     * @return the input
     * @throws IllegalArgumentException if the input is not of that type (the message names its class)
     */
    <T> T runInput(Class<T> type);

    /**
     * The output of an earlier stage of this run, by name: the value the next stage saw, read back from its
     * checkpoint through its codec (so a resumed run sees what the first execution saw).
     *
     * @param stageName the name of a stage that runs before this one
     * @param type      the output's class (or a supertype of it)
     * @param <T>       the type
     * @return the output
     * @throws IllegalArgumentException if the pipeline has no such stage, or its output is not of that type
     * @throws IllegalStateException    if the stage is this one or runs after it
     */
    <T> T output(String stageName, Class<T> type);
}
