package io.github.midljava.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * An output folder taken by one command for the length of its work: checked before any data is
 * loaded or any model trained, so a bad {@code --out} fails in milliseconds instead of losing the
 * result of an hour's training.
 *
 * <p>{@link #claim} creates the folder, then creates the lock file {@value #LOCK_FILE} in it with
 * {@code CREATE_NEW}, which the file system performs atomically: of two processes exactly one
 * succeeds, and the other gets a one-line error naming the holder (pid, host, start time and
 * command, which the lock file holds). Creating the lock file is also the write test: a read-only
 * folder fails there. A lock left by a process that died (kill -9) on this host is recognised by
 * its pid and taken over; one from another host is never taken over (its process cannot be
 * checked), the message says to delete it. {@link #close} (and a shutdown hook, for Ctrl-C) deletes
 * the lock.
 *
 * <p>A previous result is never replaced unless the caller allows it: {@link #claim} refuses when
 * one of the named result files exists and {@code overwrite} is false.
 */
public final class OutputDirectory implements AutoCloseable {

    /** The lock file's name inside the output folder. */
    public static final String LOCK_FILE = ".midl.lock";

    private final Path dir;
    private final Path lock;
    private final String content;
    private final Thread hook;
    private boolean released;

    private OutputDirectory(Path dir, Path lock, String content) {
        this.dir = dir;
        this.lock = lock;
        this.content = content;
        this.hook = new Thread(this::release, "midl-release-" + LOCK_FILE);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Creates {@code dir} if needed, locks it and checks that no previous result would be replaced.
     *
     * @param dir the output folder ({@code --out})
     * @param overwrite whether existing result files may be replaced
     * @param results names (relative to {@code dir}) of the files or folders this command writes
     *     that count as a previous result
     * @throws OutputException one line: not a folder, cannot be created or written, taken by
     *     another process, or a previous result is there
     */
    public static OutputDirectory claim(Path dir, boolean overwrite, List<String> results) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new OutputException(
                    dir + ": exists and is not a folder (--out names the folder results go to)");
        }
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new OutputException(dir + ": cannot create the folder: " + reason(e), e);
        }
        OutputDirectory taken = lock(dir, abs);
        try {
            for (String name : results) {
                Path previous = abs.resolve(name);
                if (!overwrite && Files.exists(previous)) {
                    throw new OutputException(
                            dir.resolve(name)
                                    + ": a previous result is there; pass --overwrite to replace"
                                    + " it, or choose another --out");
                }
            }
        } catch (RuntimeException e) {
            taken.close();
            throw e;
        }
        return taken;
    }

    /** Returns the folder. */
    public Path path() {
        return dir;
    }

    /** Returns the lock file. */
    public Path lockFile() {
        return lock;
    }

    /**
     * Deletes {@code name} (a file or a folder with everything in it) inside the folder, if it
     * exists: for a result being replaced with {@code --overwrite}, whose old parts (e.g. a model's
     * parameter files) must not mix with the new ones.
     */
    public void delete(String name) throws IOException {
        Path target = dir.resolve(name);
        if (!Files.exists(target)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Releases the lock (deletes the lock file if it is still this process's). */
    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs (or ran) release, which is idempotent.
        }
    }

    private synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (content.equals(Files.readString(lock, StandardCharsets.UTF_8))) {
                Files.delete(lock);
            }
        } catch (IOException e) {
            // Gone already, or not ours any more: nothing to release.
        }
    }

    private static OutputDirectory lock(Path dir, Path abs) {
        Path lock = abs.resolve(LOCK_FILE);
        String content = describeThisProcess();
        for (int attempt = 0; ; attempt++) {
            try {
                Files.writeString(
                        lock,
                        content,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return new OutputDirectory(dir, lock, content);
            } catch (FileAlreadyExistsException e) {
                Map<String, String> holder = readHolder(lock);
                if (attempt < 3 && isStale(holder)) {
                    removeStale(lock);
                    continue;
                }
                throw new OutputException(dir + ": " + describeHolder(holder, lock), e);
            } catch (IOException e) {
                throw new OutputException(dir + ": cannot write into the folder: " + reason(e), e);
            }
        }
    }

    /** The lock file's content: who holds the folder, as key=value lines. */
    private static String describeThisProcess() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pid", Long.toString(ProcessHandle.current().pid()));
        m.put("host", hostName());
        m.put("started", Instant.now().toString());
        m.put("command", System.getProperty("sun.java.command", "java"));
        m.put("nonce", Long.toHexString(ThreadLocalRandom.current().nextLong()));
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        return sb.toString();
    }

    private static Map<String, String> readHolder(Path lock) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(lock, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (NoSuchFileException e) {
            m.put("gone", "true"); // released between our attempt and this read: try again
        } catch (IOException | UncheckedIOException e) {
            // Unreadable: described as an unknown holder.
        }
        return m;
    }

    /** A lock whose holder was on this host and no longer runs, or that vanished meanwhile. */
    private static boolean isStale(Map<String, String> holder) {
        if (holder.containsKey("gone")) {
            return true;
        }
        String pid = holder.get("pid");
        if (pid == null || !hostName().equals(holder.get("host"))) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Removes a stale lock by renaming it to a unique name first: if two processes find the same
     * stale lock, only one rename succeeds, so neither deletes a lock the other has just created.
     */
    private static void removeStale(Path lock) {
        Path moved =
                lock.resolveSibling(
                        LOCK_FILE + "." + Long.toHexString(System.nanoTime()) + ".stale");
        try {
            Files.move(lock, moved, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(moved);
        } catch (IOException e) {
            // Someone else took it first; the next attempt sees their lock.
        }
    }

    private static String describeHolder(Map<String, String> holder, Path lock) {
        if (holder.get("pid") == null) {
            return "in use by another process (lock file "
                    + lock
                    + " exists but names no holder); wait for it, or delete the lock file if no"
                    + " midl command writes there";
        }
        return "in use by pid "
                + holder.get("pid")
                + " on "
                + holder.getOrDefault("host", "?")
                + " since "
                + holder.getOrDefault("started", "?")
                + " (lock file "
                + lock
                + "); wait for it to finish or choose another --out";
    }

    /** The host name as the kernel knows it (no DNS lookup, which can hang). */
    static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            String name = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
            int at = name.indexOf('@');
            return at >= 0 ? name.substring(at + 1) : "unknown-host";
        }
    }

    /** A one-line reason: "permission denied", "read-only file system", "X is a file", ... */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
    }
}
