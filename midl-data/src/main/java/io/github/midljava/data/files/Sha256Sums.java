package io.github.midljava.data.files;

import io.github.midljava.data.DatasetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes a {@code SHA256SUMS} file in the format of {@code sha256sum}: one {@code <64 hex
 * digits><two spaces or " *"><relative path>} per line. The data root may ship one (the shared
 * datasets folder does); the cache keeps one for the files it downloaded or extracted.
 */
public final class Sha256Sums {

    /** The file name, at the top of the data root or cache. */
    public static final String FILE_NAME = "SHA256SUMS";

    private Sha256Sums() {}

    /**
     * Returns the checksums listed in {@code folder/SHA256SUMS}, keyed by relative path; empty if
     * the file does not exist.
     *
     * @throws DatasetException if a line is not in {@code sha256sum} format
     */
    public static Map<String, String> read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        Map<String, String> sums = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return sums;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + Causes.describe(e), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.length() < 67
                    || !line.substring(0, 64).matches("[0-9a-fA-F]{64}")
                    || !(line.startsWith("  ", 64) || line.startsWith(" *", 64))) {
                throw new DatasetException(
                        file,
                        "line "
                                + (i + 1)
                                + ": expected '<sha256>  <path>' (sha256sum format), got '"
                                + line
                                + "'");
            }
            String path = line.substring(66).replace('\\', '/');
            if (path.startsWith("./")) {
                path = path.substring(2);
            }
            sums.put(path, line.substring(0, 64).toLowerCase(Locale.ROOT));
        }
        return sums;
    }

    /**
     * Adds or replaces the entry for {@code relativePath} in {@code folder/SHA256SUMS}, rewriting
     * the file through a temporary file and an atomic move.
     */
    public static void record(Path folder, String relativePath, String sha256) throws IOException {
        Map<String, String> sums = read(folder);
        sums.put(relativePath, sha256);
        StringBuilder text = new StringBuilder();
        sums.forEach((path, sum) -> text.append(sum).append("  ").append(path).append('\n'));
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, "." + FILE_NAME + ".", ".part");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            FilePermissions.makeReadable(tmp);
            Files.move(tmp, folder.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
