package io.github.midljava.data.image;

import io.github.midljava.data.DatasetException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads exact byte counts from streams whose length is only known from a header. */
final class StreamBytes {

    /** Largest array the JVM reliably allocates. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    private StreamBytes() {}

    /**
     * Reads exactly {@code n} bytes. The buffer grows as data arrives instead of being allocated
     * from the header up front, so a corrupt header that promises gigabytes fails as "truncated"
     * rather than exhausting memory.
     *
     * @throws DatasetException {@code "<file>: truncated: ..."} if the stream ends early
     */
    static byte[] readExactly(InputStream in, long n, Path file, String what) throws IOException {
        if (n > MAX_ARRAY) {
            throw new DatasetException(
                    file, "implausible header: " + what + " would be " + n + " bytes");
        }
        int size = (int) n;
        byte[] buffer = new byte[Math.min(size, 1 << 20)];
        int filled = 0;
        while (filled < size) {
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(size, 2L * buffer.length));
            }
            int r = in.read(buffer, filled, buffer.length - filled);
            if (r < 0) {
                throw new DatasetException(
                        file,
                        "truncated: the header promises "
                                + size
                                + " bytes of "
                                + what
                                + ", the data ends after "
                                + filled);
            }
            filled += r;
        }
        return buffer;
    }
}
