package io.github.midljava.efficiency;

/**
 * One line of {@code bench.json}. Inference records have {@code compute}, latency and memory;
 * training records have {@code phase = "train"} and throughput only (other fields null).
 *
 * @param model {@code mnist-mlp} (784-512-512-10) or {@code cnn-head} (2048-512-512-10, the fully
 *     connected head of the CIFAR CNN)
 * @param method {@code dense}, {@code dropout} or {@code midl}
 * @param runtime {@code java} (the Vector API kernels) or {@code djl} (the PyTorch engine)
 * @param compute {@code dense} (every unit of the full path), {@code sparse} (k rows per sample) or
 *     {@code auto} (the faster of the two per layer, by measurement)
 * @param kernel what ran: {@code rows} or {@code panels} (the two single-sample kernels, batch 1),
 *     {@code batched} (the batched kernels, batch &gt; 1) or {@code engine} (PyTorch)
 * @param phase {@code infer} or {@code train}
 * @param batch samples per call or step
 * @param medianMicros median wall-clock microseconds per call
 * @param p99Micros 99th percentile
 * @param minMicros fastest call (the least disturbed by other processes on a shared machine)
 * @param samplesPerSecond batch / median (inference) or measured training throughput
 * @param peakBytes weight bytes plus the peak growth of resident memory while only this variant ran
 *     (activations, workspaces)
 * @param note for {@code auto}: what it chose per MID-L layer after the timed calls, else null
 */
public record BenchRecord(
        String model,
        String method,
        String runtime,
        String compute,
        String kernel,
        String phase,
        int batch,
        Double medianMicros,
        Double p99Micros,
        Double minMicros,
        double samplesPerSecond,
        Long peakBytes,
        String note) {

    /** The variant's name in the shared vocabulary, {@code method/runtime/compute/kernel}. */
    public String variant() {
        return method + "/" + runtime + "/" + compute + "/" + kernel;
    }
}
