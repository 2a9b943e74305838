package io.github.midljava.report;

/**
 * An output location cannot be used: it is a file, cannot be created or written, is taken by
 * another process, or holds a previous result that was not to be replaced. The message is one line
 * naming the location and the problem, so the command line prints it as it is (exit code 2).
 */
public class OutputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a one-line message. */
    public OutputException(String message) {
        super(message);
    }

    /** Creates an exception with a one-line message, keeping the cause. */
    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
