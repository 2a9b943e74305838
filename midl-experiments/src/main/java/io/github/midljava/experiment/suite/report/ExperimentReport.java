package io.github.midljava.experiment.suite.report;

import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.analysis.SuiteAnalysis;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders one experiment's numbers ({@link SuiteAnalysis}) as {@code summary.csv}, plots and a
 * report section; it computes no number of its own beyond formatting.
 */
public interface ExperimentReport {

    /** Returns which experiment this reports. */
    ExperimentId id();

    /**
     * Writes {@code summary.csv} and the PNG plots into {@code dir} and returns the Markdown that
     * shows them ({@link ExperimentReports} writes it as {@code dir/report.md}).
     */
    ReportSection write(Path dir, SuiteAnalysis analysis) throws IOException;
}
