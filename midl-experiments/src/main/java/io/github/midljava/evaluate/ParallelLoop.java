package io.github.midljava.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs {@code body(i)} for {@code i in [0, count)} on a fixed number of threads.
 *
 * <p>A private pool (not the common fork-join pool) so that the thread count is exactly what the
 * caller pinned, whatever else the JVM runs. Results are deterministic as long as {@code body(i)}
 * depends only on {@code i} and writes only to slot {@code i}.
 */
final class ParallelLoop {

    private ParallelLoop() {}

    static void run(int count, int threads, IntConsumer body) {
        int workers = Math.min(threads, count);
        if (workers <= 1) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker =
                () -> {
                    try {
                        for (int i = next.getAndIncrement();
                                i < count;
                                i = next.getAndIncrement()) {
                            body.accept(i);
                        }
                    } catch (RuntimeException | Error e) {
                        next.set(count); // the other workers stop at their next index
                        throw e;
                    }
                };
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        workers,
                        r -> {
                            Thread t = new Thread(r, "midl-evaluate");
                            t.setDaemon(true);
                            return t;
                        });
        try {
            List<Future<?>> futures = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
