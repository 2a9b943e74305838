/**
 * Image benchmarks: MNIST (gzipped IDX), CIFAR-10 and CIFAR-100 (binary version) and SVHN cropped
 * digits (MATLAB v5). Every loader returns samples as {@code [C, H, W]} floats scaled to [0, 1]
 * and, by default, standardised per channel with the training split's mean and standard deviation.
 */
package io.github.midljava.data.image;
