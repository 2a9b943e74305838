/**
 * Honest FLOPs accounting for MID-L models: dense-equivalent, honest (gate and light path included)
 * and paper-style (full path only) counts per sample.
 */
package io.github.midljava.flops;
