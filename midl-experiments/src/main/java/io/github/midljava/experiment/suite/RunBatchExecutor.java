package io.github.midljava.experiment.suite;

import java.io.IOException;
import java.util.List;

/**
 * Executes many planned runs elsewhere (other threads, processes or machines) and hands each
 * finished run back to the suite as data; the suite's second seam beside {@link RunExecutor}.
 *
 * <p>Why a second seam: {@link RunExecutor} trains one run in this process and writes its weights
 * into the run's folder while the model is open. A distributed executor cannot write there (the
 * store may be on another machine, and a retried task must leave nothing behind), so it returns
 * every output, the weights included, as a {@link ShippedRun}; only {@link SuiteRunner}, on the
 * driver, writes the store. The runs of one batch are independent of each other (E4, which needs
 * finished runs, stays with the suite).
 */
public interface RunBatchExecutor extends AutoCloseable {

    /**
     * Executes {@code runs} and reports each of them exactly once to {@code sink}, on the calling
     * thread, in the order they finish; returns when every run has been reported.
     *
     * @param runs the pending runs, in plan order
     * @param options the suite's options
     * @param sink receives each finished or failed run
     * @throws IOException if the sink cannot store a run
     */
    void executeAll(List<PlannedRun> runs, SuiteOptions options, Sink sink) throws IOException;

    /** Releases what the executor started (a Spark context and its executors). */
    @Override
    void close();

    /** Receives finished runs on the driver. */
    interface Sink {

        /** Stores a run that finished; called once per run. */
        void finished(PlannedRun run, ShippedRun output) throws IOException;

        /** Records a run that failed; called once per run, instead of {@link #finished}. */
        void failed(PlannedRun run, String message);
    }
}
