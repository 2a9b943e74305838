package io.github.midljava.experiment.suite.report;

import io.github.midljava.experiment.suite.ExperimentId;
import java.io.IOException;
import java.nio.file.Path;

/** Writes one experiment's {@code summary.csv} and plots and returns its report section. */
public interface ExperimentReport {

    /** Returns which experiment this reports. */
    ExperimentId id();

    /**
     * Writes {@code summary.csv} and the PNG plots into {@code dir} and returns the Markdown that
     * shows them ({@link ExperimentReports} writes it as {@code dir/report.md}).
     */
    ReportSection write(Path dir, ResultSet results) throws IOException;
}
