package io.github.midljava.inference;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The calling thread plus {@code parts - 1} helper threads that split one task into parts and
 * finish it together. Helpers spin for a while after each task before parking: a batch-1 MLP layer
 * takes tens of microseconds, while waking a parked thread takes about as long, so handing work to
 * a spinning helper is what makes splitting a single sample across cores pay.
 */
final class Team implements AutoCloseable {
    /** A unit of work split in parts; part 0 runs on the caller. */
    interface Task {
        void run(int part, int parts);
    }

    /** How long a helper spins after its last task before it parks. */
    private static final long SPIN_NANOS =
            Long.getLong("midl.inference.spinMicros", 200L) * 1_000L;

    private final int parts;
    private final Helper[] helpers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long generation;
    private volatile boolean closed;
    private volatile Throwable failure;

    /** Written before the volatile write of {@link #generation}, read after reading it. */
    private Task task;

    Team(int parts) {
        this.parts = parts;
        this.helpers = new Helper[parts - 1];
        for (int p = 1; p < parts; p++) {
            Helper h = new Helper(p);
            h.thread.start();
            helpers[p - 1] = h;
        }
    }

    int parts() {
        return parts;
    }

    /** Runs {@code task} in {@link #parts} parts and returns when all are done. */
    void run(Task task) {
        this.task = task;
        failure = null;
        pending.set(parts - 1);
        generation = generation + 1;
        for (Helper h : helpers) {
            if (h.parked) {
                LockSupport.unpark(h.thread);
            }
        }
        try {
            task.run(0, parts);
        } finally {
            while (pending.get() != 0) {
                Thread.onSpinWait();
            }
        }
        Throwable t = failure;
        if (t != null) {
            throw new IllegalStateException("inference helper thread failed", t);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Helper h : helpers) {
            LockSupport.unpark(h.thread);
        }
    }

    private final class Helper implements Runnable {
        final Thread thread;
        final int part;
        volatile boolean parked;

        Helper(int part) {
            this.part = part;
            this.thread = new Thread(this, "midl-inference-" + part);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            long idleSince = System.nanoTime();
            while (true) {
                long g = generation;
                if (g == seen) {
                    if (closed) {
                        return;
                    }
                    if (System.nanoTime() - idleSince < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        // Re-check after announcing: run() writes generation, then reads parked.
                        if (generation == seen && !closed) {
                            LockSupport.parkNanos(this, 10_000_000L);
                        }
                        parked = false;
                    }
                    continue;
                }
                seen = g;
                try {
                    task.run(part, parts);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    pending.decrementAndGet();
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
