package io.github.midljava.experiment.suite.report;

/**
 * What every report page states at its top.
 *
 * @param commandLine the exact command line of this invocation
 * @param generatedAt ISO-8601 time the report was written
 */
public record ReportContext(String commandLine, String generatedAt) {}
