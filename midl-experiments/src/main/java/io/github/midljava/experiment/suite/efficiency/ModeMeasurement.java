package io.github.midljava.experiment.suite.efficiency;

import java.util.Map;

/**
 * What E4 measured for one compute mode.
 *
 * @param name the mode's name
 * @param method the trained model it ran ({@code dense} or {@code midl})
 * @param measured false if the mode is not available in this build (then every map is empty)
 * @param note why it was not measured, or "" if it was
 * @param testAccuracy accuracy of the mode's predictions on the whole test split (equal across
 *     modes of one model if they compute the same function), or null if not measured
 * @param latencyMicros median wall-clock microseconds per call, keyed by batch size
 * @param arrayBytes bytes of the arrays one call creates (input and logits included), keyed by
 *     batch size; empty if the mode cannot tell
 * @param peakIncreaseBytes rise of the process's peak resident memory over its resident size before
 *     the calls at that batch size (allocator caching can hide reuse), keyed by batch size
 * @param peakBytes the process's peak resident memory during those calls, keyed by batch size
 */
public record ModeMeasurement(
        String name,
        String method,
        boolean measured,
        String note,
        Double testAccuracy,
        Map<String, Double> latencyMicros,
        Map<String, Long> arrayBytes,
        Map<String, Long> peakIncreaseBytes,
        Map<String, Long> peakBytes) {}
