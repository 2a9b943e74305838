package io.github.midljava.experiment.suite.spark;

import io.github.midljava.experiment.suite.OverallProgress;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.TaskInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The driver's view of a distributed suite: runs done / total, elapsed time, an estimate of the
 * time left, and which runs are in flight on which executor. One line per event (a run starts, is
 * stored, fails, or loses its executor), so the log stays readable in a file.
 *
 * <p>Spark reports task events on its listener thread; the driver reports stored runs from its own:
 * every method is synchronized.
 */
final class SparkProgress extends SparkListener {

    /** The job property naming the run a job executes. */
    static final String RUN_PROPERTY = "midl.run";

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final long startNanos = System.nanoTime();
    private final Map<Integer, String> runOfStage = new HashMap<>();
    private final Map<String, String> inFlight = new LinkedHashMap<>();
    private final Map<String, String> lastPlace = new HashMap<>();
    private int done;
    private int lostAttempts;

    /**
     * @param out where the lines go (stderr)
     * @param total runs this invocation computes
     */
    SparkProgress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart event) {
        Properties p = event.properties();
        String run = p == null ? null : p.getProperty(RUN_PROPERTY);
        if (run == null) {
            return;
        }
        for (Object stage : CollectionConverters.asJava(event.stageIds())) {
            runOfStage.put((Integer) stage, run);
        }
    }

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart event) {
        String run = runOfStage.get(event.stageId());
        if (run == null) {
            return;
        }
        TaskInfo t = event.taskInfo();
        String place = place(t);
        // An executor trains one run at a time: a run still listed there has ended, and its
        // task-end event is on its way.
        inFlight.values().removeIf(place::equals);
        inFlight.put(run, place);
        lastPlace.put(run, place);
        String attempt = t.attemptNumber() > 0 ? " (attempt " + (t.attemptNumber() + 1) + ")" : "";
        print("started " + run + " on " + place + attempt);
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
        String run = runOfStage.get(event.stageId());
        if (run == null) {
            return;
        }
        inFlight.remove(run);
        if (event.reason() instanceof TaskFailedReason f) {
            lostAttempts++;
            String why = f.toErrorString().lines().findFirst().orElse("").strip();
            out.println(
                    "suite: "
                            + run
                            + " lost on "
                            + place(event.taskInfo())
                            + ": "
                            + why
                            + "; Spark runs it again while attempts remain");
            out.flush();
        }
    }

    @Override
    public synchronized void onExecutorRemoved(SparkListenerExecutorRemoved event) {
        out.println("suite: executor " + event.executorId() + " removed: " + event.reason());
        out.flush();
    }

    /** Records a run the driver has stored. */
    synchronized void stored(String run) {
        done++;
        inFlight.remove(run); // its task-end event may come after the result
        print("stored " + run + (lastPlace.containsKey(run) ? " from " + lastPlace.get(run) : ""));
    }

    /** Records a run that failed for good. */
    synchronized void failed(String run) {
        done++;
        inFlight.remove(run);
        print("failed " + run);
    }

    /** Returns how many task attempts were lost (their executor died or they threw). */
    synchronized int lostAttempts() {
        return lostAttempts;
    }

    /** Returns where a run ran last, e.g. {@code executor 1 (127.0.0.1)}, or null. */
    synchronized String place(String run) {
        return lastPlace.get(run);
    }

    /** Returns the runs in flight and where, in start order. */
    synchronized Map<String, String> inFlight() {
        return new LinkedHashMap<>(inFlight);
    }

    private static String place(TaskInfo t) {
        return "executor " + t.executorId() + " (" + t.host() + ")";
    }

    private void print(String event) {
        out.println(line(event));
        out.flush();
    }

    /** Returns the progress line after {@code event}. */
    String line(String event) {
        int filled = total == 0 ? WIDTH : (int) Math.round((double) WIDTH * done / total);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        // Runs finish concurrently: the rate of this invocation, not a mean run time, predicts.
        String eta = done == 0 ? "?" : OverallProgress.duration(elapsed / done * (total - done));
        List<String> flying = new ArrayList<>();
        inFlight.forEach((run, place) -> flying.add(run + " on " + place));
        return String.format(
                Locale.ROOT,
                "[spark %s] %d/%d runs done | %s | in flight: %s | elapsed %s | ETA ~%s",
                "#".repeat(filled) + "-".repeat(WIDTH - filled),
                done,
                total,
                event,
                flying.isEmpty() ? "none" : String.join(", ", flying),
                OverallProgress.duration(elapsed),
                eta);
    }
}
