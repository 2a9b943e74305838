package io.github.midljava.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders a {@link Table} as a GitHub-flavoured Markdown table with aligned pipes, so the source
 * reads as a table too.
 *
 * <p>Numeric columns are right-aligned ({@code ---:}) unless asked otherwise: a column is numeric
 * when every non-blank cell looks like a number as {@link Fmt} writes one ("0.981", "-3e-05",
 * "98.12%", "1.73x", "0.981 ± 0.002", "12.5 µs") or is a placeholder ("n/a", "NaN", "-"), and at
 * least one is a number. Pipes in cells are escaped and line breaks become {@code <br>}.
 */
public final class MarkdownTable {

    private static final String NUMBER =
            "[-+\u2212]?(?:\\d[\\d,]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?";
    private static final Pattern NUMERIC =
            Pattern.compile(
                    NUMBER
                            + "\\s*(?:%|x|\u00d7)?(?:\\s*\u00b1\\s*"
                            + NUMBER
                            + "\\s*(?:%|x|\u00d7)?)?(?:\\s?[A-Za-z\u00b5]{1,8})?");
    private static final Pattern PLACEHOLDER =
            Pattern.compile("n/a|NaN|-|\u2014|inf|-inf|\u221e", Pattern.CASE_INSENSITIVE);

    private MarkdownTable() {}

    /** Returns the table as Markdown, numeric columns right-aligned. */
    public static String render(Table table) {
        return render(table, true);
    }

    /**
     * Returns the table as Markdown.
     *
     * @param table the table
     * @param rightAlignNumbers whether numeric columns are right-aligned (else all left)
     */
    public static String render(Table table, boolean rightAlignNumbers) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        int columns = table.numColumns();
        List<String> header = escapeAll(table.header());
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
            rows.add(escapeAll(row));
        }
        int[] width = new int[columns];
        boolean[] right = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            width[c] = Math.max(3, header.get(c).length()); // "---" is the shortest separator
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
            right[c] = rightAlignNumbers && isNumericColumn(table, c);
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, header, width, right);
        sb.append('|');
        for (int c = 0; c < columns; c++) {
            sb.append(' ');
            sb.append("-".repeat(right[c] ? width[c] - 1 : width[c]));
            if (right[c]) {
                sb.append(':');
            }
            sb.append(" |");
        }
        sb.append('\n');
        for (List<String> row : rows) {
            appendLine(sb, row, width, right);
        }
        return sb.toString();
    }

    /** Writes the table as Markdown to {@code path} (atomically, UTF-8). */
    public static void write(Path path, Table table) throws IOException {
        AtomicFiles.writeString(path, render(table));
    }

    /** Returns whether the cell reads as a number (see the class documentation). */
    static boolean isNumeric(String cell) {
        return NUMERIC.matcher(cell.strip()).matches();
    }

    private static boolean isNumericColumn(Table table, int column) {
        boolean anyNumber = false;
        for (List<String> row : table.rows()) {
            String cell = row.get(column).strip();
            if (cell.isEmpty() || PLACEHOLDER.matcher(cell).matches()) {
                continue;
            }
            if (!isNumeric(cell)) {
                return false;
            }
            anyNumber = true;
        }
        return anyNumber;
    }

    private static void appendLine(
            StringBuilder sb, List<String> cells, int[] width, boolean[] right) {
        sb.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            sb.append(' ');
            sb.append(right[c] ? pad + cell : cell + pad);
            sb.append(" |");
        }
        sb.append('\n');
    }

    private static List<String> escapeAll(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String cell : cells) {
            out.add(cell.replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>"));
        }
        return out;
    }
}
