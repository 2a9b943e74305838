package io.github.midljava.data.image;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetException;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.files.Causes;
import io.github.midljava.data.files.Checksum;
import io.github.midljava.data.files.DatasetFiles;
import io.github.midljava.data.files.FileProbe;
import io.github.midljava.data.files.RemoteFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads CIFAR-10 and CIFAR-100 from the files of their "binary version", 32 × 32 colour images with
 * sample shape {@code [3, 32, 32]}.
 *
 * <ul>
 *   <li>CIFAR-10, folder {@code cifar-10/}: {@code data_batch_1.bin} … {@code data_batch_5.bin}
 *       (whichever are present, at least one), {@code test_batch.bin}, class names in {@code
 *       batches.meta.txt}; 10 classes.
 *   <li>CIFAR-100, folder {@code cifar-100/}: {@code train.bin}, {@code test.bin}, class names in
 *       {@code fine_label_names.txt} and {@code coarse_label_names.txt}; 100 fine classes by
 *       default, 20 coarse ones on request.
 * </ul>
 *
 * <p>All files of a dataset are taken from one folder, the data root's if it has a complete set,
 * else the cache's, so a subset in the root is never mixed with a full copy in the cache. If
 * neither is complete, the canonical archive ({@code cifar-10-binary.tar.gz} / {@code
 * cifar-100-binary.tar.gz}, MD5-checked) is taken from the root or cache or downloaded, and its
 * members are extracted into the cache.
 *
 * <p>Citation: A. Krizhevsky. "Learning Multiple Layers of Features from Tiny Images." Technical
 * report, University of Toronto, 2009.
 */
public final class CifarLoader {

    /** The canonical CIFAR-10 binary archive (MD5 published on the CIFAR page). */
    public static final RemoteFile CIFAR10_ARCHIVE =
            RemoteFile.of(
                    "cifar-10/cifar-10-binary.tar.gz",
                    Checksum.md5("c32a1d4ab5d03f1284b67883e8d87530"),
                    "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");

    /** The canonical CIFAR-100 binary archive (MD5 published on the CIFAR page). */
    public static final RemoteFile CIFAR100_ARCHIVE =
            RemoteFile.of(
                    "cifar-100/cifar-100-binary.tar.gz",
                    Checksum.md5("03b5dce01913d631647c71ecec9e9cb8"),
                    "https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz");

    private static final List<String> CIFAR10_TRAIN =
            List.of(
                    "data_batch_1.bin",
                    "data_batch_2.bin",
                    "data_batch_3.bin",
                    "data_batch_4.bin",
                    "data_batch_5.bin");

    private static final List<String> CIFAR100_FILES =
            List.of("train.bin", "test.bin", "fine_label_names.txt", "coarse_label_names.txt");

    private CifarLoader() {}

    /**
     * Finds the CIFAR-10 files a load would read (extracting the archive into the cache if it is
     * the only source) without reading them.
     *
     * @throws DatasetException as {@link #loadCifar10(DataOptions)} if they are missing
     */
    public static void checkCifar10Files(DataOptions options) {
        cifar10Folder(DatasetFiles.open(options));
    }

    /** Like {@link #checkCifar10Files(DataOptions)}, for CIFAR-100. */
    public static void checkCifar100Files(DataOptions options) {
        cifar100Folder(DatasetFiles.open(options));
    }

    private static Path cifar10Folder(DatasetFiles files) {
        Map<String, String> members = new LinkedHashMap<>();
        for (String name : CIFAR10_TRAIN) {
            members.put("cifar-10-batches-bin/" + name, "cifar-10/" + name);
        }
        members.put("cifar-10-batches-bin/test_batch.bin", "cifar-10/test_batch.bin");
        members.put("cifar-10-batches-bin/batches.meta.txt", "cifar-10/batches.meta.txt");
        return chooseFolder(
                files,
                "CIFAR-10",
                "cifar-10",
                List.of("test_batch.bin", "batches.meta.txt"),
                CIFAR10_TRAIN,
                CIFAR10_ARCHIVE,
                members);
    }

    private static Path cifar100Folder(DatasetFiles files) {
        Map<String, String> members = new LinkedHashMap<>();
        for (String name : CIFAR100_FILES) {
            members.put("cifar-100-binary/" + name, "cifar-100/" + name);
        }
        return chooseFolder(
                files,
                "CIFAR-100",
                "cifar-100",
                CIFAR100_FILES,
                List.of(),
                CIFAR100_ARCHIVE,
                members);
    }

    /** Loads CIFAR-10 as {@code options} say. */
    public static Dataset loadCifar10(DataOptions options) {
        DatasetFiles files = DatasetFiles.open(options);
        Path folder = cifar10Folder(files);
        List<Path> trainFiles = new ArrayList<>();
        for (String name : CIFAR10_TRAIN) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) {
                trainFiles.add(files.use(p, null));
            }
        }
        Path testFile = files.use(folder.resolve("test_batch.bin"), null);
        List<String> names =
                readClassNames(files.use(folder.resolve("batches.meta.txt"), null), 10);
        return build(
                DatasetId.CIFAR10,
                "CIFAR-10",
                CifarBinaryReader.cifar10(),
                trainFiles,
                testFile,
                names,
                files,
                options);
    }

    /** Loads CIFAR-100 as {@code options} say (fine labels unless {@code cifar100Coarse}). */
    public static Dataset loadCifar100(DataOptions options) {
        DatasetFiles files = DatasetFiles.open(options);
        Path folder = cifar100Folder(files);
        boolean coarse = options.cifar100Coarse();
        Path trainFile = files.use(folder.resolve("train.bin"), null);
        Path testFile = files.use(folder.resolve("test.bin"), null);
        List<String> names =
                coarse
                        ? readClassNames(
                                files.use(folder.resolve("coarse_label_names.txt"), null), 20)
                        : readClassNames(
                                files.use(folder.resolve("fine_label_names.txt"), null), 100);
        return build(
                DatasetId.CIFAR100,
                coarse ? "CIFAR-100 (coarse labels)" : "CIFAR-100 (fine labels)",
                CifarBinaryReader.cifar100(coarse),
                List.of(trainFile),
                testFile,
                names,
                files,
                options);
    }

    private static Dataset build(
            DatasetId id,
            String title,
            CifarBinaryReader reader,
            List<Path> trainFiles,
            Path testFile,
            List<String> names,
            DatasetFiles files,
            DataOptions options) {
        RawImages test = reader.read(List.of(testFile));
        ImageSplits splits =
                ImageSplits.of(reader.read(trainFiles), test, reader.numClasses(), options);
        String description =
                title
                        + ": "
                        + splits.trainCount(
                                "records from "
                                        + trainFiles.stream()
                                                .map(p -> p.getFileName().toString())
                                                .collect(Collectors.joining(", ")))
                        + ", "
                        + test.count()
                        + " test records from "
                        + testFile.getFileName()
                        + " in "
                        + testFile.getParent()
                        + "; 3x32x32, pixels scaled to [0,1]"
                        + (options.standardize()
                                ? ", standardised per channel with train mean "
                                        + format(splits.normalizer().mean())
                                        + " std "
                                        + format(splits.normalizer().std())
                                : "");
        return new Dataset(
                id, splits.train(), splits.test(), names, files.checksums(), description);
    }

    private static String format(float[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", values[i]));
        }
        return s.append(']').toString();
    }

    /**
     * Returns the folder holding a complete set of files: the root's, else the cache's, else the
     * cache's after extracting the archive into it.
     */
    private static Path chooseFolder(
            DatasetFiles files,
            String title,
            String dir,
            List<String> required,
            List<String> trainAlternatives,
            RemoteFile archive,
            Map<String, String> members) {
        List<Path> folders =
                files.directory().bases().stream().map(base -> base.resolve(dir)).toList();
        for (Path folder : folders) {
            if (missingIn(folder, required, trainAlternatives).isEmpty()) {
                return folder;
            }
        }
        String firstMissing = missingIn(folders.get(0), required, trainAlternatives).get(0);
        Path archiveFile;
        try {
            archiveFile = files.require(archive);
        } catch (DatasetException e) {
            throw new DatasetException(
                    files.directory().inRoot(dir + "/" + firstMissing),
                    "not found in "
                            + folders.stream()
                                    .map(Path::toString)
                                    .collect(Collectors.joining(" or "))
                            + " ("
                            + title
                            + " needs "
                            + describe(required, trainAlternatives)
                            + "), and the archive it comes from is not available either: "
                            + e.getMessage());
        }
        files.extractIntoCache(archiveFile, members);
        return files.directory().inCache(dir);
    }

    private static List<String> missingIn(
            Path folder, List<String> required, List<String> trainAlternatives) {
        List<String> missing = new ArrayList<>();
        if (!trainAlternatives.isEmpty()
                && trainAlternatives.stream()
                        .noneMatch(n -> FileProbe.isRegularFile(folder.resolve(n)))) {
            missing.add(trainAlternatives.get(0));
        }
        for (String name : required) {
            if (!FileProbe.isRegularFile(folder.resolve(name))) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static String describe(List<String> required, List<String> trainAlternatives) {
        List<String> parts = new ArrayList<>(required);
        if (!trainAlternatives.isEmpty()) {
            parts.add(0, "at least one of " + String.join(", ", trainAlternatives));
        }
        return String.join(", ", parts);
    }

    /**
     * Reads class names, one per line (blank lines ignored, surrounding spaces stripped), as in
     * {@code batches.meta.txt}, {@code fine_label_names.txt} and {@code coarse_label_names.txt}.
     *
     * @throws DatasetException if the file does not hold exactly {@code expected} names
     */
    public static List<String> readClassNames(Path file, int expected) {
        List<String> names;
        try {
            names =
                    Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + Causes.describe(e), e);
        }
        if (names.size() != expected) {
            throw new DatasetException(
                    file,
                    "expected "
                            + expected
                            + " class names (one per line), found "
                            + names.size()
                            + (names.isEmpty()
                                    ? ""
                                    : ": "
                                            + Arrays.toString(names.stream().limit(5).toArray())
                                            + (names.size() > 5 ? "..." : "")));
        }
        return names;
    }
}
