package io.github.midljava.experiment.suite.report;

import io.github.midljava.experiment.suite.ExperimentId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One experiment's part of a report: Markdown whose images are named relative to the experiment's
 * folder ({@code ![...](pareto-mnist.png)}).
 *
 * @param id the experiment
 * @param body the Markdown, without the experiment's title
 */
public record ReportSection(ExperimentId id, String body) {

    private static final Pattern LOCAL_IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\(([^)/:]+)\\)");

    /** Returns the body with every local image and link path prefixed, e.g. by {@code e1/}. */
    public String body(String prefix) {
        Matcher m = LOCAL_IMAGE.matcher(body);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    sb,
                    Matcher.quoteReplacement("![" + m.group(1) + "](" + prefix + m.group(2) + ")"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Returns the section's heading, e.g. "E1 Main table". */
    public String title() {
        return id.name() + " " + id.title();
    }
}
