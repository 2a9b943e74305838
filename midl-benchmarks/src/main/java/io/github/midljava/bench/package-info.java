/**
 * The one timing harness of the project ({@link io.github.midljava.bench.InferenceLatency}:
 * round-robin calls, medians, the fastest of a set of candidates as the honest reference), the
 * shared names of timed variants ({@link io.github.midljava.bench.VariantKey}), and JMH benchmarks.
 * {@code midl bench} and experiment E4 both time through it.
 */
package io.github.midljava.bench;
