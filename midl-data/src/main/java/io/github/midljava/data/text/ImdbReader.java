package io.github.midljava.data.text;

import io.github.midljava.data.DatasetException;
import io.github.midljava.data.files.Causes;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads the labelled reviews of the aclImdb layout, {@code aclImdb/{train,test}/{pos,neg}/<id>_
 * <rating>.txt}, straight from a {@code .tar.gz} archive (canonical {@code aclImdb_v1.tar.gz} or a
 * subset in the same layout) or from an extracted {@code aclImdb/} folder. Other entries (README,
 * vocabulary, {@code train/unsup}, URL lists, {@code .feat} files) are ignored.
 */
public final class ImdbReader {

    private static final Pattern ENTRY =
            Pattern.compile("(?:\\./)?aclImdb/(train|test)/(pos|neg)/(\\d+)_(\\d+)\\.txt");
    private static final Pattern FILE = Pattern.compile("(\\d+)_(\\d+)\\.txt");

    /** Reviews are a few kilobytes; a larger entry means a corrupt or foreign archive. */
    private static final long MAX_REVIEW_BYTES = 1 << 20;

    private ImdbReader() {}

    /**
     * Reads the reviews of a {@code .tar.gz} archive in aclImdb layout.
     *
     * @param source how to name the archive in {@link ImdbCorpus#source()}
     * @throws DatasetException if the file is not gzip, the tar is corrupt, or it is not the
     *     aclImdb layout (no review entries, or a split or class without reviews)
     */
    public static ImdbCorpus readArchive(Path archive, String source) {
        List<Review> reviews = new ArrayList<>();
        List<String> others = new ArrayList<>();
        int otherCount = 0;
        try (InputStream raw = Files.newInputStream(archive);
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(
                                new GZIPInputStream(
                                        new BufferedInputStream(raw, 1 << 16), 1 << 16))) {
            for (TarArchiveEntry entry = tar.getNextEntry();
                    entry != null;
                    entry = tar.getNextEntry()) {
                Matcher m = ENTRY.matcher(entry.getName());
                if (!entry.isFile() || !m.matches()) {
                    otherCount++;
                    if (others.size() < 3 && entry.isFile()) {
                        others.add(entry.getName());
                    }
                    continue;
                }
                if (entry.getSize() > MAX_REVIEW_BYTES) {
                    throw new DatasetException(
                            archive,
                            "entry "
                                    + entry.getName()
                                    + " is "
                                    + entry.getSize()
                                    + " bytes, too large for a review (corrupt archive?)");
                }
                String text = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                reviews.add(review(m.group(1), m.group(2), m.group(3), m.group(4), text, archive));
            }
        } catch (ZipException | EOFException e) {
            throw new DatasetException(
                    archive, Causes.describeGzip(e) + "; expected a .tar.gz archive", e);
        } catch (IOException e) {
            throw new DatasetException(
                    archive, "corrupt or truncated tar archive (" + Causes.describe(e) + ")", e);
        } catch (DatasetException e) {
            throw e;
        } catch (RuntimeException e) {
            // commons-compress reports some malformed headers with unchecked exceptions.
            throw new DatasetException(
                    archive, "corrupt tar archive (" + Causes.describe(e) + ")", e);
        }
        if (reviews.isEmpty()) {
            throw new DatasetException(
                    archive,
                    "not the aclImdb layout: no aclImdb/{train,test}/{pos,neg}/<id>_<rating>.txt"
                            + " entries among "
                            + otherCount
                            + " entries"
                            + (others.isEmpty()
                                    ? ""
                                    : " (e.g. " + String.join(", ", others) + ")"));
        }
        return corpus(reviews, archive, source);
    }

    /** The reviews of an extracted folder and the SHA-256 digest of its review files. */
    public record FolderContents(ImdbCorpus corpus, String sha256) {}

    /**
     * Reads the reviews of an extracted {@code aclImdb/} folder. Also returns a digest of the tree:
     * the SHA-256 of the lines {@code <sha256 of file> <path below aclImdb/>}, sorted by path,
     * which stands for the 50,000 files in {@code Dataset.fileChecksums}.
     *
     * @throws DatasetException if a class folder is missing or empty
     */
    public static FolderContents readFolder(Path folder, String source) {
        List<Review> reviews = new ArrayList<>();
        TreeMap<String, String> fileShas = new TreeMap<>();
        for (String split : List.of("train", "test")) {
            for (String polarity : List.of("neg", "pos")) {
                Path dir = folder.resolve(split).resolve(polarity);
                if (!Files.isDirectory(dir)) {
                    throw new DatasetException(
                            dir,
                            "not the aclImdb layout: folder "
                                    + split
                                    + "/"
                                    + polarity
                                    + " is missing");
                }
                List<Path> files;
                try (Stream<Path> list = Files.list(dir)) {
                    files = list.sorted().toList();
                } catch (IOException e) {
                    throw new DatasetException(dir, "cannot list: " + Causes.describe(e), e);
                }
                for (Path file : files) {
                    Matcher m = FILE.matcher(file.getFileName().toString());
                    if (!m.matches() || !Files.isRegularFile(file)) {
                        continue;
                    }
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(file);
                    } catch (IOException e) {
                        throw new DatasetException(file, "cannot read: " + Causes.describe(e), e);
                    }
                    fileShas.put(
                            split + "/" + polarity + "/" + file.getFileName(),
                            HexFormat.of().formatHex(sha256().digest(bytes)));
                    reviews.add(
                            review(
                                    split,
                                    polarity,
                                    m.group(1),
                                    m.group(2),
                                    new String(bytes, StandardCharsets.UTF_8),
                                    file));
                }
            }
        }
        MessageDigest tree = sha256();
        fileShas.forEach(
                (path, sha) ->
                        tree.update((sha + "  " + path + "\n").getBytes(StandardCharsets.UTF_8)));
        return new FolderContents(
                corpus(reviews, folder, source), HexFormat.of().formatHex(tree.digest()));
    }

    private static Review review(
            String split, String polarity, String id, String rating, String text, Path file) {
        try {
            return new Review(
                    split,
                    polarity.equals("pos") ? 1 : 0,
                    Integer.parseInt(id),
                    Integer.parseInt(rating),
                    text);
        } catch (NumberFormatException e) {
            throw new DatasetException(
                    file,
                    "review "
                            + split
                            + "/"
                            + polarity
                            + "/"
                            + id
                            + "_"
                            + rating
                            + ".txt: id or rating out of range");
        }
    }

    private static ImdbCorpus corpus(List<Review> reviews, Path file, String source) {
        Comparator<Review> order =
                Comparator.comparingInt(Review::label)
                        .thenComparingInt(Review::id)
                        .thenComparingInt(Review::rating);
        List<Review> train =
                reviews.stream().filter(r -> r.split().equals("train")).sorted(order).toList();
        List<Review> test =
                reviews.stream().filter(r -> r.split().equals("test")).sorted(order).toList();
        for (String split : List.of("train", "test")) {
            List<Review> part = split.equals("train") ? train : test;
            for (int label = 0; label < 2; label++) {
                int l = label;
                if (part.stream().noneMatch(r -> r.label() == l)) {
                    throw new DatasetException(
                            file,
                            "not the aclImdb layout: no reviews in "
                                    + split
                                    + "/"
                                    + (label == 1 ? "pos" : "neg"));
                }
            }
        }
        return new ImdbCorpus(train, test, source);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks SHA-256", e);
        }
    }
}
