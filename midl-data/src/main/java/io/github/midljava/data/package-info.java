/**
 * Loaders for the six MID-L benchmarks (MNIST, CIFAR-10, CIFAR-100, SVHN, UCI Adult, IMDB) from
 * their canonical files, with download, checksum and cache; pure Java, no engine dependency.
 *
 * <p>Entry point: {@link io.github.midljava.data.DatasetLoaders#load(DatasetId, DataOptions)}, e.g.
 * {@code DatasetLoaders.load(DatasetId.MNIST, DataOptions.defaults().withDataDir(dir))}. It returns
 * a {@link io.github.midljava.data.Dataset} with the train and test {@link
 * io.github.midljava.data.DataSplit}s, class names and the SHA-256 of every file read; {@link
 * io.github.midljava.data.Splits} divides a split into train and validation parts by seed. Every
 * problem with a file surfaces as one {@link io.github.midljava.data.DatasetException} whose
 * one-line message names the file and the problem.
 *
 * <p>Where files come from: the data root ({@code --data-dir}, else {@code $MIDL_DATA_DIR}, else
 * {@code ~/.midl/data}; never written to) and then the cache ({@code $MIDL_CACHE_DIR}, else {@code
 * ~/.midl/cache}), both laid out as {@code mnist/}, {@code cifar-10/}, {@code cifar-100/}, {@code
 * svhn/}, {@code adult/}, {@code imdb/}. Missing files are downloaded into the cache only; see
 * {@link io.github.midljava.data.files}.
 */
package io.github.midljava.data;
