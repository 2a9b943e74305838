/**
 * Pure-Java CPU inference for MLPs whose hidden layers are MID-L layers (Shaeri and Middel, "MID-L:
 * Matrix-Interpolated Dropout Layer with Layer-wise Neuron Selection", arXiv 2505.11416, 2025), so
 * that fewer active neurons become wall-clock speed, plus the dense path of the same kernels for an
 * apples-to-apples comparison.
 *
 * <p>Entry points: weights as plain records ({@link io.github.midljava.inference.LinearWeights},
 * {@link io.github.midljava.inference.MidlLayerWeights}, PyTorch/DJL layout {@code [out, in]}),
 * {@link io.github.midljava.inference.InferenceNetwork} to run them ({@link
 * io.github.midljava.inference.ComputeMode#SPARSE} or {@link
 * io.github.midljava.inference.ComputeMode#DENSE}). {@link io.github.midljava.inference.TopKRows}
 * exposes the exact top-k selection on plain arrays; the training forward of {@code MidlBlock} uses
 * it on CPU for its mask.
 *
 * <p>This module depends on nothing: no DJL, no engine, no logging. Exporting a trained DJL model
 * lives on the DJL side ({@code io.github.midljava.nn.export.InferenceExport} in {@code midl-nn});
 * timing helpers live in {@code midl-benchmarks}.
 *
 * <p>Kernels use the incubating Vector API ({@code --add-modules jdk.incubator.vector}) with the
 * platform's preferred vector width and FMA. At batch 1 the forward pass is bound by reading the
 * weights from L3 (about 22 GB/s on one core of the reference machine), so the sparse MID-L path is
 * fast because it reads only the k selected rows of the full-path weight.
 */
package io.github.midljava.inference;
