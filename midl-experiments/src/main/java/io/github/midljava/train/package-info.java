/** Training and inference loops: presets, mini-batches, Adam, progress, predictions. */
package io.github.midljava.train;
