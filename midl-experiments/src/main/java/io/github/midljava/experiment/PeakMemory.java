package io.github.midljava.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident memory of this process ({@code VmHWM} of {@code /proc/self/status}): it includes
 * the engine's native memory, which the JVM's own counters do not see.
 */
public final class PeakMemory {

    private PeakMemory() {}

    /**
     * Resets the peak to the current resident size (Linux: writing 5 to {@code clear_refs}), so a
     * following {@link #residentBytes()} measures one phase; returns false where unsupported.
     */
    public static boolean reset() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Returns the peak resident set size in bytes, or {@code null} where /proc is missing. */
    public static Long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Long.parseLong(kb) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
