package io.github.midljava.experiment.suite.spark;

import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares the data files an executor read with those the driver read, so that no run silently
 * trains on other data than the one its provenance names.
 */
final class DataChecksums {

    private DataChecksums() {}

    /**
     * Returns null if {@code executor} read exactly the files of {@code driver} with the same
     * SHA-256, else one line naming the first differing file and both checksums.
     *
     * @param driver SHA-256 by file (relative to the data root) as read by the driver
     * @param executor the same, as read by the executor
     * @param dataRoot where the executor read them, for the message
     */
    static String mismatch(
            Map<String, String> driver, Map<String, String> executor, String dataRoot) {
        TreeSet<String> files = new TreeSet<>(driver.keySet());
        files.addAll(executor.keySet());
        for (String f : files) {
            String d = driver.get(f);
            String e = executor.get(f);
            if (!Objects.equals(d, e)) {
                return "data file "
                        + f
                        + " under "
                        + dataRoot
                        + " has SHA-256 "
                        + (e == null ? "(not read)" : e)
                        + " on the executor but "
                        + (d == null ? "(not read)" : d)
                        + " on the driver; give every worker the driver's data (--data-dir or"
                        + " MIDL_DATA_DIR on the workers)";
            }
        }
        return null;
    }
}
