/**
 * The experiment suite E1-E5 of our MID-L spec as one resumable job: which runs an experiment needs
 * ({@link io.github.midljava.experiment.suite.SuitePlan}), where each run is stored ({@link
 * io.github.midljava.experiment.suite.RunStore}), and how missing runs are executed ({@link
 * io.github.midljava.experiment.suite.SuiteRunner}). Experiments share runs: E2 and the input-noise
 * part of E3 are measured inside the E1 runs, and E3 at 0% noise and the E5 default reuse them.
 */
package io.github.midljava.experiment.suite;
