package io.github.midljava.experiment.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Bookkeeping of one stored run ({@code run.json}): what configuration produced it and how long it
 * took.
 *
 * @param fingerprint the run's {@link PlannedRun#fingerprint} when it was executed
 * @param wallSeconds wall-clock seconds of the whole run (data preparation, training, evaluation,
 *     analysis)
 * @param finishedAt ISO-8601 time the run finished
 * @param loadAverage the machine's 1-minute load average at the start and at the end of the run
 *     ({@code /proc/loadavg}; empty where unavailable): timings mean little when it exceeds the
 *     cores
 */
public record RunRecord(
        Map<String, String> fingerprint,
        double wallSeconds,
        String finishedAt,
        List<Double> loadAverage) {

    /** Returns the 1-minute load average of the machine, or NaN where /proc is missing. */
    public static double currentLoadAverage() {
        try {
            String text = Files.readString(Path.of("/proc/loadavg")).trim();
            return Double.parseDouble(text.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
