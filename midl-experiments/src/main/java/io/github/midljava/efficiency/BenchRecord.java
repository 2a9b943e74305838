package io.github.midljava.efficiency;

/**
 * One line of {@code bench.json}. Inference records have {@code compute}, latency and memory;
 * training records have {@code phase = "train"} and throughput only (other fields null).
 *
 * @param model {@code mnist-mlp} (784-512-512-10) or {@code cnn-head} (2048-512-512-10, the fully
 *     connected head of the CIFAR CNN)
 * @param method {@code dense}, {@code dropout} or {@code midl}
 * @param runtime {@code java} (the Vector API kernels) or {@code djl} (the PyTorch engine)
 * @param compute {@code dense} (every unit of the full path) or {@code sparse} (k rows per sample)
 * @param phase {@code infer} or {@code train}
 * @param batch samples per call or step
 * @param medianMicros median wall-clock microseconds per call
 * @param p99Micros 99th percentile
 * @param samplesPerSecond batch / median (inference) or measured training throughput
 * @param peakBytes weight bytes plus the peak growth of resident memory while only this variant ran
 *     (activations, workspaces)
 */
public record BenchRecord(
        String model,
        String method,
        String runtime,
        String compute,
        String phase,
        int batch,
        Double medianMicros,
        Double p99Micros,
        double samplesPerSecond,
        Long peakBytes) {}
