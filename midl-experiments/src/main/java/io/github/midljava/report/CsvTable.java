package io.github.midljava.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a {@link Table} as CSV following RFC 4180: comma-separated, CRLF line ends, and a field
 * quoted (with inner quotes doubled) exactly when it contains a comma, a double quote, CR or LF.
 */
public final class CsvTable {

    private CsvTable() {}

    /** Returns the table as CSV text, header first, every line ending in CRLF. */
    public static String render(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, table.header());
        for (List<String> row : table.rows()) {
            appendLine(sb, row);
        }
        return sb.toString();
    }

    /** Writes the table as CSV to {@code path} (atomically, UTF-8). */
    public static void write(Path path, Table table) throws IOException {
        AtomicFiles.writeString(path, render(table));
    }

    /** Returns one field, quoted if RFC 4180 requires it. */
    public static String escape(String field) {
        if (field.indexOf(',') < 0
                && field.indexOf('"') < 0
                && field.indexOf('\r') < 0
                && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static void appendLine(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(escape(cells.get(i)));
        }
        sb.append("\r\n");
    }
}
