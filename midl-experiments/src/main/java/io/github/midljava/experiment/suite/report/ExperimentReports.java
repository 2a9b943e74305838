package io.github.midljava.experiment.suite.report;

import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.SuiteOutcome;
import io.github.midljava.experiment.suite.analysis.ResultSet;
import io.github.midljava.experiment.suite.analysis.SuiteAnalysis;
import io.github.midljava.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the selected experiments' folders: {@code <out>/<e>/report.md}, {@code summary.csv},
 * plots.
 */
public final class ExperimentReports {

    private ExperimentReports() {}

    /** Returns the report of every experiment, E1 to E5. */
    public static List<ExperimentReport> all() {
        return List.of(
                new MainTableReport(),
                new InformationReport(),
                new RobustnessReport(),
                new EfficiencyReport(),
                new AblationReport());
    }

    /** Writes the selected experiments' folders and returns their sections, in order. */
    public static Map<ExperimentId, ReportSection> write(
            Path out, SuiteAnalysis analysis, ReportContext context) throws IOException {
        ResultSet results = analysis.results();
        Map<ExperimentId, ReportSection> sections = new EnumMap<>(ExperimentId.class);
        for (ExperimentReport report : all()) {
            if (!results.plan().experiments().contains(report.id())) {
                continue;
            }
            Path dir = out.resolve(report.id().cliName());
            ReportSection section = report.write(dir, analysis);
            sections.put(report.id(), section);
            StringBuilder md = new StringBuilder();
            md.append("# ").append(section.title()).append("\n\n");
            md.append("Command line:\n\n```\n").append(context.commandLine()).append("\n```\n\n");
            md.append("Generated ")
                    .append(context.generatedAt())
                    .append(". ")
                    .append(SuiteReport.setupLine(results))
                    .append(" Machine-readable numbers: `summary.csv`.\n\n");
            md.append(section.body());
            appendFailures(md, results.outcome());
            AtomicFiles.writeString(dir.resolve("report.md"), md.toString());
        }
        return sections;
    }

    /** Appends the failed runs, if any. */
    static void appendFailures(StringBuilder md, SuiteOutcome outcome) {
        if (outcome.failures().isEmpty()) {
            return;
        }
        md.append(
                        "\n"
                                + "**Runs that failed in this invocation** (their numbers are missing"
                                + " above; run the same ")
                .append("command again to retry them):\n\n");
        for (SuiteOutcome.Failure f : outcome.failures()) {
            md.append("- `").append(f.label()).append("`: ").append(f.message()).append('\n');
        }
        md.append('\n');
    }
}
