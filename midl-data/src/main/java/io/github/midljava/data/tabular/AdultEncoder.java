package io.github.midljava.data.tabular;

import io.github.midljava.data.DataSplit;
import io.github.midljava.data.DatasetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns Adult records into feature vectors. Each attribute keeps its file position: a numeric one
 * becomes one value (standardised with the training mean and population standard deviation, if
 * asked), a categorical one becomes a one-hot block over the categories seen in the training file,
 * sorted, with {@code ?} (missing) as a category of its own. A test category never seen in training
 * gives an all-zero block. With the canonical files this yields 108 features.
 */
public final class AdultEncoder {

    /** Which attributes are numeric (the others are categorical), in file order. */
    private static final boolean[] NUMERIC = {
        true, false, true, false, true, false, false, false, false, false, true, true, true, false
    };

    private final List<Map<String, Integer>> categories;
    private final double[] mean;
    private final double[] std;
    private final int[] offsets;
    private final int width;

    private AdultEncoder(List<Map<String, Integer>> categories, double[] mean, double[] std) {
        this.categories = categories;
        this.mean = mean;
        this.std = std;
        this.offsets = new int[NUMERIC.length];
        int w = 0;
        for (int a = 0; a < NUMERIC.length; a++) {
            offsets[a] = w;
            w += NUMERIC[a] ? 1 : categories.get(a).size();
        }
        this.width = w;
    }

    /**
     * Learns the categories and, if {@code standardize}, the numeric statistics from the training
     * records.
     *
     * @param file the training file, for messages
     * @throws DatasetException if a numeric attribute is not a number
     */
    public static AdultEncoder fit(List<AdultRecord> train, boolean standardize, Path file) {
        int n = NUMERIC.length;
        List<Map<String, Integer>> categories = new ArrayList<>();
        double[] mean = new double[n];
        double[] std = new double[n];
        for (int a = 0; a < n; a++) {
            std[a] = 1;
            if (NUMERIC[a]) {
                categories.add(Map.of());
                if (standardize) {
                    double sum = 0;
                    double sumSq = 0;
                    for (AdultRecord r : train) {
                        double v = number(r, a, file);
                        sum += v;
                        sumSq += v * v;
                    }
                    mean[a] = sum / train.size();
                    double var = sumSq / train.size() - mean[a] * mean[a];
                    std[a] = var > 1e-12 ? Math.sqrt(var) : 1;
                }
            } else {
                TreeSet<String> seen = new TreeSet<>();
                for (AdultRecord r : train) {
                    seen.add(r.attributes()[a]);
                }
                Map<String, Integer> index = new TreeMap<>();
                for (String c : seen) {
                    index.put(c, index.size());
                }
                categories.add(index);
            }
        }
        return new AdultEncoder(categories, mean, std);
    }

    /**
     * Checks that every numeric attribute of every record is a finite float32 number, also in
     * records a training limit leaves out: a file holding NaN is corrupt whichever records a run
     * uses.
     *
     * @param file the file they came from, for messages
     * @throws DatasetException naming the file, line and column of the first bad value
     */
    public static void checkNumbers(List<AdultRecord> records, Path file) {
        for (AdultRecord r : records) {
            for (int a = 0; a < NUMERIC.length; a++) {
                if (NUMERIC[a]) {
                    number(r, a, file);
                }
            }
        }
    }

    /** Returns the number of features per record. */
    public int width() {
        return width;
    }

    /** Returns one name per feature: {@code age}, {@code workclass=Private}, ... */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (int a = 0; a < NUMERIC.length; a++) {
            String attribute = AdultCsvReader.ATTRIBUTES.get(a);
            if (NUMERIC[a]) {
                names.add(attribute);
            } else {
                for (String c : categories.get(a).keySet()) {
                    names.add(attribute + "=" + c);
                }
            }
        }
        return names;
    }

    /**
     * Encodes {@code records} as a split with sample shape {@code [width]} and 2 classes.
     *
     * @param file the file they came from, for messages
     */
    public DataSplit encode(List<AdultRecord> records, Path file) {
        float[] features = new float[records.size() * width];
        int[] labels = new int[records.size()];
        for (int i = 0; i < records.size(); i++) {
            AdultRecord r = records.get(i);
            int row = i * width;
            for (int a = 0; a < NUMERIC.length; a++) {
                if (NUMERIC[a]) {
                    features[row + offsets[a]] = (float) ((number(r, a, file) - mean[a]) / std[a]);
                } else {
                    Integer c = categories.get(a).get(r.attributes()[a]);
                    if (c != null) {
                        features[row + offsets[a] + c] = 1f;
                    }
                }
            }
            labels[i] = r.label();
        }
        return new DataSplit(features, labels, new long[] {width}, 2);
    }

    /**
     * Parses numeric attribute {@code a}; rejects what is not a finite number in float32, the
     * precision the features are stored and trained in ({@code NaN}, {@code Infinity}, {@code
     * 1e39}), because one such value turns every standardised value of its column, and the loss,
     * into NaN.
     */
    private static double number(AdultRecord r, int a, Path file) {
        String value = r.attributes()[a];
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new DatasetException(
                    file, where(r, a) + " is '" + value + "', expected a number");
        }
        if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
            throw new DatasetException(
                    file,
                    where(r, a)
                            + " is '"
                            + value
                            + "', expected a finite number (|x| <= "
                            + Float.MAX_VALUE
                            + ", float32)");
        }
        return v;
    }

    /** {@code "line 12, column 3 (fnlwgt)"}: columns count the comma-separated fields from 1. */
    private static String where(AdultRecord r, int a) {
        return "line "
                + r.line()
                + ", column "
                + (a + 1)
                + " ("
                + AdultCsvReader.ATTRIBUTES.get(a)
                + ")";
    }
}
