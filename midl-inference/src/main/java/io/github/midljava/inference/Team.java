package io.github.midljava.inference;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The calling thread plus {@code parts - 1} helper threads that split one task into parts and
 * finish it together; each part runs on whichever thread claims it first. Helpers spin for a while
 * after each task before parking: a batch-1 MLP layer takes tens of microseconds, while waking a
 * parked thread takes about as long, so handing work to a spinning helper is what makes splitting a
 * single sample across cores pay.
 *
 * <p>A team belongs to one {@link InferenceNetwork}, which closes it: {@link #close()} stops the
 * helpers. A caller that finds the team busy runs the parts itself, one after another (same
 * results).
 */
final class Team implements AutoCloseable {

    /** A unit of work split in parts that may run in any order, on any thread. */
    interface Task {
        void run(int part, int parts);
    }

    /** How long a helper spins after its last task before it parks. */
    private static final long SPIN_NANOS = 200_000L;

    private final int parts;
    private final Helper[] helpers;

    /** Parts not finished yet. */
    private final AtomicInteger pending = new AtomicInteger();

    /**
     * The task's generation (high bits) and its next unclaimed part (low 16 bits), in one word so
     * that a helper still holding an older task can never claim a part of a newer one.
     */
    private final AtomicLong state = new AtomicLong();

    private final ReentrantLock lock = new ReentrantLock();
    private volatile Throwable failure;

    /** Written before the volatile write of {@link #state}, read after reading it. */
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

    /** Set by {@link #close()}: helpers leave their loop at their next look. */
    private volatile boolean closed;

    /** Stops the helper threads and waits (briefly) for them to end. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Helper h : helpers) {
            LockSupport.unpark(h.thread);
        }
        for (Helper h : helpers) {
            try {
                h.thread.join(1_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    int parts() {
        return parts;
    }

    /**
     * Runs {@code task} in {@link #parts} parts and returns when all are done; if another caller
     * holds the team, runs the parts on this thread instead.
     */
    void run(Task task) {
        if (!lock.tryLock()) {
            for (int p = 0; p < parts; p++) {
                task.run(p, parts);
            }
            return;
        }
        try {
            runLocked(task);
        } finally {
            lock.unlock();
        }
    }

    private void runLocked(Task task) {
        this.task = task;
        failure = null;
        // pending before state: a helper that claims a part of this task must see its count.
        pending.set(parts);
        long generation = (state.get() >>> 16) + 1;
        state.set(generation << 16);
        for (Helper h : helpers) {
            if (h.parked) {
                LockSupport.unpark(h.thread);
            }
        }
        // The caller claims parts too, so a helper that is descheduled (busy machine) costs
        // nothing unless it already claimed a part: then we wait for that part only.
        work(task, generation);
        while (pending.get() != 0) {
            Thread.onSpinWait();
        }
        Throwable t = failure;
        if (t != null) {
            throw new IllegalStateException("inference part failed", t);
        }
    }

    /** Claims and runs parts of task {@code generation} until none is left. */
    private void work(Task task, long generation) {
        while (true) {
            long s = state.get();
            int p = (int) (s & 0xFFFF);
            if (s >>> 16 != generation || p >= parts) {
                return;
            }
            if (!state.compareAndSet(s, s + 1)) {
                continue;
            }
            try {
                task.run(p, parts);
            } catch (Throwable t) {
                failure = t;
            } finally {
                pending.decrementAndGet();
            }
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
            while (!closed) {
                long g = state.get() >>> 16;
                if (g == seen) {
                    if (System.nanoTime() - idleSince < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        // Re-check after announcing: runLocked() writes state, then reads parked.
                        if (state.get() >>> 16 == seen && !closed) {
                            LockSupport.parkNanos(this, 10_000_000L);
                        }
                        parked = false;
                    }
                    continue;
                }
                seen = g;
                work(task, g);
                idleSince = System.nanoTime();
            }
        }
    }
}
