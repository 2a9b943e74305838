package io.github.midljava.experiment.suite.efficiency;

import java.util.List;
import java.util.Map;

/**
 * The E4 benchmark of one dataset.
 *
 * @param dataset benchmark CLI name
 * @param fingerprint what the benchmark depends on (weights, modes, batch sizes); a stored result
 *     with another fingerprint is measured again
 * @param weights which trained runs' weights were timed
 * @param batchSizes the batch sizes, in order (a batch larger than the test split runs at its size)
 * @param testSize samples of the test split
 * @param rounds round-robin rounds: in each, every mode runs a block of calls at every batch size
 * @param engineThreads the engine's intra-op threads
 * @param modes one measurement per compute mode
 * @param measuredAt ISO-8601 time of the measurement
 */
public record EfficiencyResult(
        String dataset,
        Map<String, String> fingerprint,
        String weights,
        List<Integer> batchSizes,
        int testSize,
        int rounds,
        String engineThreads,
        List<ModeMeasurement> modes,
        String measuredAt) {

    /**
     * The honest reference at {@code batch}: the measured variant of the dense model with the
     * lowest median latency (whichever kernel or runtime), or null if none was measured.
     */
    public ModeMeasurement fastestDense(int batch) {
        String key = Integer.toString(batch);
        ModeMeasurement best = null;
        for (ModeMeasurement m : modes) {
            Double t = m.latencyMicros().get(key);
            if (m.measured()
                    && m.method().equals("dense")
                    && t != null
                    && (best == null || t < best.latencyMicros().get(key))) {
                best = m;
            }
        }
        return best;
    }

    /** Returns the measurement of the mode named {@code name}, or null. */
    public ModeMeasurement mode(String name) {
        return modes.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }
}
