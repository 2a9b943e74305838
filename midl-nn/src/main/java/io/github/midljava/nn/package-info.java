/**
 * The MID-L layer for Deep Java Library: {@link io.github.midljava.nn.MidlBlock}, its configuration
 * and modes, and the exact top-k mask.
 */
package io.github.midljava.nn;
