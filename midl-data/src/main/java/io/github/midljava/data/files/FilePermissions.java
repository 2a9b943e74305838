package io.github.midljava.data.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Permission fix-ups for files written through temporary files. */
final class FilePermissions {

    private FilePermissions() {}

    /**
     * Makes {@code file} readable by everyone ({@code rw-r--r--}): temporary files are created
     * owner-only, but a dataset moved into a shared cache should be readable like any download.
     * Ignored where POSIX permissions do not exist.
     */
    static void makeReadable(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system, or not ours to change: the owner can still read it.
        }
    }
}
