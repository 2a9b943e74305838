package io.github.midljava.experiment.suite;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The suite's overall progress: one line per started run with a bar of runs done / total, the
 * elapsed time and an estimate of the time left. Lines rather than a redrawn bar, so that they do
 * not fight with the per-run progress bar and stay readable in a log file.
 */
public final class OverallProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final long startNanos = System.nanoTime();
    private int done;
    private int executed;
    private double executedSeconds;

    /**
     * @param out where the lines go (stderr, like the per-run bars)
     * @param total number of runs (training runs and benchmarks) of the suite
     * @param alreadyDone how many of them are stored already
     */
    public OverallProgress(PrintStream out, int total, int alreadyDone) {
        this.out = out;
        this.total = total;
        this.done = alreadyDone;
    }

    /** Prints the line for a run that starts now. */
    public void starting(String label) {
        out.println(line(label));
        out.flush();
    }

    /** Records that the run started last has finished after {@code seconds}. */
    public void finished(double seconds) {
        done++;
        executed++;
        executedSeconds += seconds;
    }

    /** Records that a run failed (it counts as done: it will not be retried in this invocation). */
    public void failed(double seconds) {
        finished(seconds);
    }

    /** Returns the progress line for the run {@code label}. */
    String line(String label) {
        int filled = total == 0 ? WIDTH : (int) Math.round((double) WIDTH * done / total);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        String eta = executed == 0 ? "?" : duration(executedSeconds / executed * (total - done));
        return String.format(
                Locale.ROOT,
                "[suite %s] %d/%d runs done | next: %s | elapsed %s | ETA ~%s",
                bar,
                done,
                total,
                label,
                duration(elapsed),
                eta);
    }

    /** Formats seconds as "1h02m", "3m05s" or "12s". */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
