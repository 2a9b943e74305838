/**
 * The numbers of the experiment suite, computed once from the stored runs into typed results per
 * experiment ({@link io.github.midljava.experiment.suite.analysis.MainTable} for E1, {@link
 * io.github.midljava.experiment.suite.analysis.InformationResults} for E2, {@link
 * io.github.midljava.experiment.suite.analysis.RobustnessResults} for E3, {@link
 * io.github.midljava.experiment.suite.analysis.AblationResults} for E5), kept by seed so that
 * methods can be compared pair by pair ({@link
 * io.github.midljava.experiment.suite.analysis.PairedDifference}). The reports render these numbers
 * and the claims judge them; neither computes its own, and this package imports neither.
 */
package io.github.midljava.experiment.suite.analysis;
