/**
 * Export of a trained DJL model with {@link io.github.midljava.nn.MidlBlock} layers to the
 * pure-Java inference path of the {@code midl-inference} module (an optional dependency: add it to
 * use this package).
 */
package io.github.midljava.nn.export;
