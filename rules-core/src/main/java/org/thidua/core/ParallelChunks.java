package org.thidua.core;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works through numbered chunks on the calling thread and up to {@code parallelism - 1} helpers from the common
 * fork-join pool, taking chunks in order. Results come back in chunk order. When chunks fail, no further chunk is
 * started and the failure of the first failing chunk is thrown, as a sequential run would have thrown it.
 */
final class ParallelChunks {
    interface Work<T> {
        T chunk(int index);
    }

    private ParallelChunks() {
    }

    static <T> List<T> map(int chunks, int parallelism, Work<T> work) {
        @SuppressWarnings("unchecked")
        T[] results = (T[]) new Object[chunks];
        int threads = Math.min(chunks, parallelism);
        if (threads <= 1) {
            for (int i = 0; i < chunks; i++) {
                results[i] = work.chunk(i);
            }
            return Arrays.asList(results);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Throwable[] failures = new Throwable[chunks];
        Runnable drain = () -> {
            int i;
            while (!failed.get() && (i = next.getAndIncrement()) < chunks) {
                try {
                    results[i] = work.chunk(i);
                } catch (RuntimeException | Error e) {
                    failures[i] = e;
                    failed.set(true);
                }
            }
        };
        ForkJoinTask<?>[] helpers = new ForkJoinTask<?>[threads - 1];
        for (int h = 0; h < helpers.length; h++) {
            helpers[h] = ForkJoinPool.commonPool().submit(drain);
        }
        drain.run();
        for (ForkJoinTask<?> helper : helpers) {
            helper.join(); // a helper that starts late finds no chunk left and ends at once
        }
        for (Throwable failure : failures) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
        return Arrays.asList(results);
    }
}
