package io.github.midljava.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable table of strings: a header and rows of the same width, rendered by {@link CsvTable}
 * and {@link MarkdownTable}.
 *
 * <p>Cells are already formatted (see {@link Fmt}): a table is what a reader sees, so the same
 * table renders identically in CSV and Markdown.
 */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows;

    private Table(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    /**
     * Returns a table of the given header and rows.
     *
     * @param header column names, at least one
     * @param rows rows, each with exactly {@code header.size()} cells; null cells become ""
     */
    public static Table of(List<String> header, List<List<String>> rows) {
        Builder builder = new Builder(header);
        if (rows == null) {
            throw new IllegalArgumentException("rows must not be null");
        }
        for (List<String> row : rows) {
            builder.addRow(row);
        }
        return builder.build();
    }

    /** Returns a builder for a table with these column names. */
    public static Builder builder(String... header) {
        return new Builder(header == null ? null : Arrays.asList(header));
    }

    /** Returns a builder for a table with these column names. */
    public static Builder builder(List<String> header) {
        return new Builder(header);
    }

    /** Returns the column names. */
    public List<String> header() {
        return header;
    }

    /** Returns the rows, each of {@link #numColumns()} cells. */
    public List<List<String>> rows() {
        return rows;
    }

    /** Returns the number of columns. */
    public int numColumns() {
        return header.size();
    }

    /** Returns the number of rows (the header excluded). */
    public int numRows() {
        return rows.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Table t && header.equals(t.header) && rows.equals(t.rows);
    }

    @Override
    public int hashCode() {
        return 31 * header.hashCode() + rows.hashCode();
    }

    @Override
    public String toString() {
        return MarkdownTable.render(this);
    }

    /** Builds a {@link Table} row by row. */
    public static final class Builder {

        private final List<String> header;
        private final List<List<String>> rows = new ArrayList<>();

        private Builder(List<String> header) {
            if (header == null || header.isEmpty()) {
                throw new IllegalArgumentException("header must have at least one column");
            }
            this.header = cells(header);
        }

        /** Appends a row; cells are converted with {@link String#valueOf}, null to "". */
        public Builder addRow(Object... cells) {
            if (cells == null) {
                throw new IllegalArgumentException("row must not be null");
            }
            return addRow(Arrays.asList(cells));
        }

        /** Appends a row; cells are converted with {@link String#valueOf}, null to "". */
        public Builder addRow(List<?> cells) {
            if (cells == null) {
                throw new IllegalArgumentException("row must not be null");
            }
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException(
                        "row "
                                + rows.size()
                                + " must have "
                                + header.size()
                                + " cells, got "
                                + cells.size());
            }
            rows.add(cells(cells));
            return this;
        }

        /**
         * Appends a row of the given leading cells followed by empty cells up to the header's width
         * (a row that only names what is missing).
         */
        public Builder addRowPadded(Object... leading) {
            if (leading == null || leading.length > header.size()) {
                throw new IllegalArgumentException(
                        "row "
                                + rows.size()
                                + " must have at most "
                                + header.size()
                                + " cells, got "
                                + (leading == null ? "null" : leading.length));
            }
            List<Object> cells = new ArrayList<>(Arrays.asList(leading));
            while (cells.size() < header.size()) {
                cells.add("");
            }
            return addRow(cells);
        }

        /** Returns the table. */
        public Table build() {
            return new Table(header, Collections.unmodifiableList(new ArrayList<>(rows)));
        }

        private static List<String> cells(List<?> values) {
            List<String> out = new ArrayList<>(values.size());
            for (Object value : values) {
                out.add(value == null ? "" : String.valueOf(value));
            }
            return Collections.unmodifiableList(out);
        }
    }
}
