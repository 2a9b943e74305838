package io.github.midljava.data.files;

import io.github.midljava.data.DatasetException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Asks whether a file or folder exists, telling "missing" from "there but not readable".
 *
 * <p>{@link Files#isRegularFile} answers {@code false} both when a file is absent and when a folder
 * above it cannot be searched, so an unreadable data folder used to be reported as "not found ...
 * download it". Here the attributes are read directly: a missing path is {@code false}, a denied
 * one is a {@link DatasetException} saying "permission denied".
 */
public final class FileProbe {

    private FileProbe() {}

    /** Returns whether {@code path} is a regular file (following links). */
    public static boolean isRegularFile(Path path) {
        BasicFileAttributes a = attributes(path);
        return a != null && a.isRegularFile();
    }

    /** Returns whether {@code path} is a directory (following links). */
    public static boolean isDirectory(Path path) {
        BasicFileAttributes a = attributes(path);
        return a != null && a.isDirectory();
    }

    /**
     * Returns the attributes of {@code path}, or {@code null} if it does not exist.
     *
     * @throws DatasetException if it cannot be examined (permission denied, I/O error)
     */
    static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw new DatasetException(path, permissionDenied(path), e);
        } catch (FileSystemException e) {
            if ("Not a directory".equals(e.getReason())) {
                return null; // a file where a folder on the way was expected: not there
            }
            throw new DatasetException(path, "cannot examine: " + Causes.describe(e), e);
        } catch (IOException e) {
            throw new DatasetException(path, "cannot examine: " + Causes.describe(e), e);
        }
    }

    /**
     * Returns the problem text for a path this user may not read: names the first folder on the way
     * that denies access, so the message points at what to fix.
     */
    static String permissionDenied(Path path) {
        Path blocking = null;
        for (Path p = path.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p) && !(Files.isReadable(p) && Files.isExecutable(p))) {
                blocking = p;
            }
        }
        return "permission denied"
                + (blocking == null
                        ? " (the file is not readable by this user)"
                        : " (folder " + blocking + " is not readable by this user)")
                + "; fix the permissions or point --data-dir / MIDL_DATA_DIR elsewhere";
    }
}
