/**
 * Experiment E4: inference latency per batch size and peak memory of trained models under several
 * compute modes (dense DJL forward, MID-L dense DJL forward, MID-L sparse), timed round-robin in
 * one process so that machine-speed drift hits every mode alike.
 */
package io.github.midljava.experiment.suite.efficiency;
