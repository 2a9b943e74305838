/** The models of the six benchmarks, with MID-L, dense or dropout hidden layers. */
package io.github.midljava.model;
