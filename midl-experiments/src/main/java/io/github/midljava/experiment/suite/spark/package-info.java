/**
 * Runs the experiment suite's training runs on Apache Spark: embedded ({@code local[N]}: a master
 * and N one-run executor JVMs started by the driver) or on a standalone cluster ({@code
 * spark://HOST:PORT}). Executors train and analyse; only the driver writes the run store.
 */
package io.github.midljava.experiment.suite.spark;
