/**
 * The suite's reports: per experiment a {@code summary.csv}, PNG plots and a {@code report.md}, and
 * for {@code all} a joined {@code report.md} with the command line, provenance and the claims table
 * (also alone in {@code claims.md}). The reports render the numbers of {@link
 * io.github.midljava.experiment.suite.analysis} and the verdicts of {@link
 * io.github.midljava.experiment.suite.claims}; they compute none of their own. What was not
 * measured says so.
 */
package io.github.midljava.experiment.suite.report;
