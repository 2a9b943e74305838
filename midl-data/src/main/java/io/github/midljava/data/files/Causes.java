package io.github.midljava.data.files;

import java.io.EOFException;
import java.nio.file.AccessDeniedException;
import java.util.zip.ZipException;

/**
 * One-line descriptions of I/O failures for {@link io.github.midljava.data.DatasetException}
 * messages: libraries wrap the real problem in layers of exceptions ({@code IOException:
 * IOException: EOFException}); the innermost one says what went wrong.
 */
public final class Causes {

    private Causes() {}

    /** Returns the innermost cause as {@code "Type: message"}, or {@code "Type"} without one. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = root.getMessage();
        String type = root.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        return type + ": " + message.replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * Describes a failure while reading gzip data: {@code "not a gzip file"} only when the gzip
     * header itself is missing; a damaged deflate stream or an early end is {@code "corrupt gzip
     * data"} or {@code "truncated gzip data"}, so a cut download is not mistaken for a wrong
     * format.
     */
    public static String describeGzip(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        if (root instanceof ZipException && message.equals("Not in GZIP format")) {
            return "not a gzip file (no gzip header)";
        }
        if (root instanceof EOFException) {
            return "truncated gzip data (" + describe(root) + ")";
        }
        if (root instanceof ZipException) {
            return "corrupt gzip data (" + message + ")";
        }
        return "cannot read (" + describe(root) + ")";
    }
}
