package io.github.midljava.data;

import java.nio.file.Path;

/**
 * A dataset file is missing, truncated, corrupt or of the wrong format. The message always names
 * the file and the problem in one line, so the CLI can print it as it is.
 */
public class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message is {@code "<file>: <problem>"}. */
    public DatasetException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /** Creates an exception whose message is {@code "<file>: <problem>"}, keeping the cause. */
    public DatasetException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    /** Creates an exception with a free-form one-line message. */
    public DatasetException(String message) {
        super(message);
    }
}
