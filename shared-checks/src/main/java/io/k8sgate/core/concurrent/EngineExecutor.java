package io.k8sgate.core.concurrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The engine's own threads, for the work of a run that can be spread over the cores: parsing manifest files, running
 * checks over slices of the input, sorting findings, rendering report chunks.
 *
 * <p>The engine does not use the JVM-wide common fork-join pool: a Maven build with {@code -T}, several Jenkins
 * executors on one agent, or anything else in the same JVM would compete for it, and a task blocked there stalls every
 * other user. This pool is the engine's alone, and bounded: it never holds more threads than the machine has
 * processors, however many runs share it. The threads are daemon threads (they never keep a JVM alive), named
 * {@value #THREAD_PREFIX}{@code <n>}, and end after a while without work.
 *
 * <p>The thread that asks for work takes part in it: it processes items until none is left, helped by as many pool
 * threads as are free. So a run always makes progress, even while other runs keep every pool thread busy, and work
 * asked for from inside a pool thread cannot deadlock. Results keep the order of the items, whichever thread
 * computed them, so a run's output does not depend on scheduling.
 */
public final class EngineExecutor {
    /** The names of the pool's threads start with this. */
    public static final String THREAD_PREFIX = "k8s-security-gate-worker-";
    /** Below this many elements a sort runs on the calling thread: splitting would cost more than it saves. */
    static final int MIN_SORT_PART = 8192;
    private static final long IDLE_SECONDS = 30;
    private static final EngineExecutor SHARED = new EngineExecutor(Runtime.getRuntime().availableProcessors());

    private final int parallelism;
    private final ThreadPoolExecutor pool;

    /**
     * An executor of at most {@code parallelism} threads, the calling thread included.
     *
     * @throws IllegalArgumentException when {@code parallelism} is less than one
     */
    public EngineExecutor(final int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
        this.pool = new ThreadPoolExecutor(parallelism, parallelism, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamedDaemonThreads());
        pool.allowCoreThreadTimeOut(true);
    }

    /** The executor every run of the engine uses: one thread per available processor, shared by all runs. */
    public static EngineExecutor shared() {
        return SHARED;
    }

    /** How many threads work on one request at most, the calling thread included. */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Applies {@code work} to every item, spread over the engine's threads and the calling thread.
     *
     * @return the results, in the order of the items
     * @throws RuntimeException the first exception or error {@code work} threw (no further item is started then)
     */
    public <T, R> List<R> map(final List<? extends T> items, final Function<? super T, ? extends R> work) {
        int n = items.size();
        if (n == 0) {
            return List.of();
        }
        Batch<T, R> batch = new Batch<>(items, work);
        int helpers = Math.min(n, parallelism) - 1;
        for (int i = 0; i < helpers; i++) {
            try {
                pool.execute(batch::drain);
            } catch (RejectedExecutionException e) {
                break; // the calling thread does the rest
            }
        }
        batch.drain();
        return batch.results();
    }

    /**
     * Sorts the array, stably (equal elements keep their order), spread over the engine's threads: parts are sorted
     * at once, then merged pairwise.
     */
    public <T> void sort(final T[] items, final Comparator<? super T> order) {
        int n = items.length;
        int parts = Math.min(parallelism, n / MIN_SORT_PART);
        if (parts < 2) {
            Arrays.sort(items, order);
            return;
        }
        int[] bounds = new int[parts + 1];
        for (int i = 0; i <= parts; i++) {
            bounds[i] = (int) ((long) n * i / parts);
        }
        map(indices(parts), i -> {
            Arrays.sort(items, bounds[i], bounds[i + 1], order);
            return i;
        });
        Object[] source = items;
        Object[] target = new Object[n];
        for (int width = 1; width < parts; width *= 2) {
            int w = width;
            Object[] from = source;
            Object[] to = target;
            List<Integer> starts = new ArrayList<>();
            for (int s = 0; s < parts; s += 2 * w) {
                starts.add(s);
            }
            map(starts, s -> {
                merge(from, bounds[s], bounds[Math.min(s + w, parts)], bounds[Math.min(s + 2 * w, parts)], to, order);
                return s;
            });
            source = to;
            target = from;
        }
        if (source != items) {
            System.arraycopy(source, 0, items, 0, n);
        }
    }

    private static List<Integer> indices(final int count) {
        List<Integer> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(i);
        }
        return out;
    }

    /** Merges the sorted runs {@code [lo, mid)} and {@code [mid, hi)} of {@code from} into {@code to}, left first. */
    @SuppressWarnings("unchecked") // both arrays hold only elements of the array being sorted
    private static <T> void merge(final Object[] from, final int lo, final int mid, final int hi, final Object[] to,
            final Comparator<? super T> order) {
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            to[k++] = order.compare((T) from[j], (T) from[i]) < 0 ? from[j++] : from[i++];
        }
        System.arraycopy(from, i, to, k, mid - i);
        System.arraycopy(from, j, to, k + mid - i, hi - j);
    }

    /** The items of one {@link #map} call: every taker claims the next item until none is left. */
    private static final class Batch<T, R> {
        private final List<? extends T> items;
        private final Function<? super T, ? extends R> work;
        private final Object[] results;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch finished;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Batch(final List<? extends T> items, final Function<? super T, ? extends R> work) {
            this.items = items;
            this.work = work;
            this.results = new Object[items.size()];
            this.finished = new CountDownLatch(items.size());
        }

        void drain() {
            for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        results[i] = work.apply(items.get(i));
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }
        }

        /** Waits until every item is done (each was claimed by a running thread), then hands over the results. */
        @SuppressWarnings("unchecked") // results[i] holds what work returned for items[i]
        List<R> results() {
            boolean interrupted = false;
            while (true) {
                try {
                    finished.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the items are short; finish them, then pass the interrupt on
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable t = failure.get();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            return (List<R>) Collections.unmodifiableList(Arrays.asList(results));
        }
    }

    /** Daemon threads named {@value #THREAD_PREFIX}{@code <n>}. */
    private static final class NamedDaemonThreads implements ThreadFactory {
        private static final AtomicInteger COUNT = new AtomicInteger();

        @Override
        public Thread newThread(final Runnable task) {
            Thread t = new Thread(task, THREAD_PREFIX + COUNT.incrementAndGet());
            t.setDaemon(true);
            // not whichever plugin's loader the first caller had (a Maven realm, a Jenkins agent's channel)
            t.setContextClassLoader(EngineExecutor.class.getClassLoader());
            return t;
        }
    }
}
