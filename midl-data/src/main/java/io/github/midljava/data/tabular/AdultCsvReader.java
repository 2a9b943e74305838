package io.github.midljava.data.tabular;

import io.github.midljava.data.DatasetException;
import io.github.midljava.data.files.Causes;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads {@code adult.data} / {@code adult.test}: no header, 15 comma-separated fields per record
 * (14 attributes and the label {@code <=50K} or {@code >50K}), values preceded by a space. Quirks
 * of the canonical files handled here: {@code adult.test} starts with the line {@code |1x3 Cross
 * validator} (lines starting with {@code |} are skipped), its labels end with a period ({@code
 * >50K.}; stripped), and both files end with blank lines (skipped).
 */
public final class AdultCsvReader {

    /** The attribute names, in file order (from {@code adult.names}). */
    public static final List<String> ATTRIBUTES =
            List.of(
                    "age",
                    "workclass",
                    "fnlwgt",
                    "education",
                    "education-num",
                    "marital-status",
                    "occupation",
                    "relationship",
                    "race",
                    "sex",
                    "capital-gain",
                    "capital-loss",
                    "hours-per-week",
                    "native-country");

    /** Fields per record: the attributes and the label. */
    public static final int FIELDS = ATTRIBUTES.size() + 1;

    private AdultCsvReader() {}

    /**
     * Reads all records of {@code file}.
     *
     * @throws DatasetException {@code "<file>: line N: ..."} for a wrong field count or an unknown
     *     label, or if the file holds no record
     */
    public static List<AdultRecord> read(Path file) {
        // ISO-8859-1 maps every byte to a character, so a stray byte cannot abort decoding; the
        // canonical files are plain ASCII.
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            List<AdultRecord> records = new ArrayList<>();
            int lineNumber = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("|")) {
                    continue;
                }
                records.add(parse(file, lineNumber, text));
            }
            if (records.isEmpty()) {
                throw new DatasetException(file, "no records (empty file?)");
            }
            return records;
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + Causes.describe(e), e);
        }
    }

    private static AdultRecord parse(Path file, int lineNumber, String text) {
        String[] fields = text.split(",", -1);
        if (fields.length != FIELDS) {
            throw new DatasetException(
                    file,
                    "line "
                            + lineNumber
                            + ": expected "
                            + FIELDS
                            + " comma-separated fields, found "
                            + fields.length
                            + " in '"
                            + abbreviate(text)
                            + "'");
        }
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].strip();
        }
        String label = fields[FIELDS - 1];
        if (label.endsWith(".")) {
            label = label.substring(0, label.length() - 1);
        }
        int y;
        if (label.equals(">50K")) {
            y = 1;
        } else if (label.equals("<=50K")) {
            y = 0;
        } else {
            throw new DatasetException(
                    file,
                    "line "
                            + lineNumber
                            + ": unknown income label '"
                            + fields[FIELDS - 1]
                            + "', expected <=50K or >50K");
        }
        return new AdultRecord(Arrays.copyOf(fields, FIELDS - 1), y, lineNumber);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
