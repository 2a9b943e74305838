package io.github.midljava.nn;

import ai.djl.ndarray.NDArray;

/**
 * Everything one MID-L forward computes, for metrics and analysis.
 *
 * @param output {@code y: [batch, n]}, the layer output (the activation follows outside)
 * @param gate {@code g: [batch, n]}, the sigmoid gate, attached to the autograd graph
 * @param mask {@code m: [batch, n]}, the hard top-k mask (detached), exactly k ones per row
 */
public record MidlOutput(NDArray output, NDArray gate, NDArray mask) {}
