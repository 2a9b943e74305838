package io.github.midljava.report;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file atomically: the content goes to a temporary file in the target's directory, is
 * flushed to disk, and is then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE};
 * on any failure the temporary file is deleted and an existing target is left as it was.
 *
 * <p>Same directory, because a rename is only atomic within one file system. The temporary file is
 * created with {@link Files#createFile} (not {@link Files#createTempFile}, which makes it
 * owner-only), so the result gets the usual permissions of a new file. Parent directories are
 * created as needed. If the file system cannot rename atomically, the move fails with {@link
 * java.nio.file.AtomicMoveNotSupportedException} rather than silently writing in place.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes content to a byte stream; must not close it (closing is harmless but unneeded). */
    @FunctionalInterface
    public interface StreamBody {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes text to a UTF-8 writer; must not close it (closing is harmless but unneeded). */
    @FunctionalInterface
    public interface TextBody {
        void writeTo(Writer out) throws IOException;
    }

    /** Atomically writes {@code content} to {@code target} as UTF-8. */
    public static void writeString(Path target, String content) throws IOException {
        if (content == null) {
            throw new IllegalArgumentException("content must not be null");
        }
        writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Atomically writes {@code content} to {@code target}. */
    public static void writeBytes(Path target, byte[] content) throws IOException {
        if (content == null) {
            throw new IllegalArgumentException("content must not be null");
        }
        writeStream(target, out -> out.write(content));
    }

    /** Atomically writes what {@code body} writes to a UTF-8 {@link Writer}. */
    public static void write(Path target, TextBody body) throws IOException {
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
        writeStream(
                target,
                out -> {
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    body.writeTo(new UncloseableWriter(writer));
                    writer.flush();
                });
    }

    /** Atomically writes what {@code body} writes to an {@link OutputStream}. */
    public static void writeStream(Path target, StreamBody body) throws IOException {
        if (target == null) {
            throw new IllegalArgumentException("target must not be null");
        }
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
        Path absolute = target.toAbsolutePath().normalize();
        Path directory = absolute.getParent();
        if (directory == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException("target must name a file, got " + target);
        }
        Files.createDirectories(directory);
        Path temp = createTemp(directory, absolute.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream buffered =
                        new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.writeTo(new UncloseableStream(buffered));
                buffered.flush();
                // On disk before the rename: a crash then leaves the old file or the new one.
                channel.force(true);
            }
            Files.move(
                    temp,
                    absolute,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException suppressed) {
                    // The original failure matters more than a leftover temporary file.
                }
            }
        }
    }

    private static Path createTemp(Path directory, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            long nonce = ThreadLocalRandom.current().nextLong() >>> 1;
            // Hidden, and ending in .tmp, so that globs for the real files never match it.
            Path temp = directory.resolve("." + name + "." + Long.toString(nonce, 36) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** Lets the body close "its" writer and still have its text flushed afterwards. */
    private static final class UncloseableWriter extends FilterWriter {

        UncloseableWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** Lets the body close "its" stream without closing the channel before {@code force}. */
    private static final class UncloseableStream extends FilterOutputStream {

        UncloseableStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
