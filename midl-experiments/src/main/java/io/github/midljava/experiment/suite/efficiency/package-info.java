/**
 * Experiment E4: inference latency per batch size and peak memory of trained models under several
 * inference variants (dense DJL forward, MID-L dense DJL forward, the pure-Java dense model with
 * either single-sample kernel, MID-L sparse and auto), timed with the harness of {@code midl bench}
 * ({@code io.github.midljava.bench.InferenceLatency}, round-robin in one process, so that
 * machine-speed drift hits every variant alike) and named in its vocabulary ({@code
 * io.github.midljava.bench.VariantKey}). The reference of every ratio is the fastest dense variant
 * at that batch size ({@link
 * io.github.midljava.experiment.suite.efficiency.EfficiencyResult#fastestDense}).
 */
package io.github.midljava.experiment.suite.efficiency;
