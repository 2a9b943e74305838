/**
 * The suite's reports: per experiment a {@code summary.csv}, PNG plots and a {@code report.md}, and
 * for {@code all} a joined {@code report.md} with the command line, provenance and the claims
 * table. Every number comes from a stored run; what was not measured says so.
 */
package io.github.midljava.experiment.suite.report;
