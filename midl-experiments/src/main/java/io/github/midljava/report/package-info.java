/**
 * Writing experiment results: JSON, CSV and Markdown tables, formatted numbers and PNG charts.
 *
 * <p>Every file goes through {@link io.github.midljava.report.AtomicFiles}: it is written in full
 * to a temporary file beside the target and then renamed over it, so a reader (or a crashed,
 * resumed run) never sees half a report. Charts use XChart headless; numbers are formatted with
 * {@link java.util.Locale#ROOT}, so reports do not depend on the machine's locale.
 */
package io.github.midljava.report;
