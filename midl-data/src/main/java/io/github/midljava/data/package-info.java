/**
 * Loaders for the six MID-L benchmarks (MNIST, CIFAR-10, CIFAR-100, SVHN, UCI Adult, IMDB) from
 * their canonical files, with download, checksum and cache; pure Java, no engine dependency.
 */
package io.github.midljava.data;
