package io.k8sgate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** Timing and peak-heap measurement for the scale benchmark: the median of repeated runs. */
final class Measure {
    /** The shortest measured turn of a comparison. */
    static final long MIN_TURN_MILLIS = 100;

    private Measure() {
    }

    /** A measured result. */
    record Result(double medianMillis, long peakHeapBytes) {
    }

    /** Two measurements taken in turns, and the median of the ratios of each turn. */
    record Comparison(Result baseline, Result candidate, double medianRatio) {
    }

    /**
     * Measures a baseline and a candidate in alternating turns, so that both see the same machine state (a noisy
     * neighbour or a frequency change hits both): first warm-up turns until both have run at least {@code minWarmups}
     * times and {@code warmupMillis} have passed (the JIT compiler has then settled for inputs of any size), then
     * {@code repeats} measured turns. A turn of work shorter than {@value #MIN_TURN_MILLIS} ms is repeated within
     * the turn (the same number of times for both) and its time divided, so that timer resolution and the cold
     * caches after the collection between turns do not decide the figures for small inputs. The ratio is candidate
     * time over baseline time per turn; its median is reported.
     */
    static Comparison compare(final int minWarmups, final long warmupMillis, final int repeats,
            final Callable<?> baseline, final Callable<?> candidate) throws Exception {
        return compare(minWarmups, warmupMillis, warmupMillis, repeats, baseline, candidate);
    }

    /**
     * As {@link #compare(int, long, int, Callable, Callable)}, warming up for at least {@code minWarmups} turns and
     * {@code warmupMillis}, but never longer than {@code maxWarmupMillis} (and never fewer than 3 turns).
     */
    static Comparison compare(final int minWarmups, final long warmupMillis, final long maxWarmupMillis,
            final int repeats, final Callable<?> baseline, final Callable<?> candidate) throws Exception {
        long begin = System.nanoTime();
        long warmupEnd = begin + warmupMillis * 1_000_000L;
        long warmupLimit = begin + maxWarmupMillis * 1_000_000L;
        long slowest = 1;
        for (int i = 0; i < 3 || ((i < minWarmups || System.nanoTime() < warmupEnd)
                && System.nanoTime() < warmupLimit); i++) {
            long start = System.nanoTime();
            baseline.call();
            long middle = System.nanoTime();
            candidate.call();
            slowest = Math.max(middle - start, System.nanoTime() - middle);
        }
        int calls = (int) Math.max(1, MIN_TURN_MILLIS * 1_000_000L / slowest);
        double[] baseTimes = new double[repeats];
        double[] candidateTimes = new double[repeats];
        double[] ratios = new double[repeats];
        long basePeak = 0;
        long candidatePeak = 0;
        for (int i = 0; i < repeats; i++) {
            Timed b = timed(baseline, calls);
            Timed c = timed(candidate, calls);
            baseTimes[i] = b.millis();
            candidateTimes[i] = c.millis();
            ratios[i] = c.millis() / b.millis();
            basePeak = Math.max(basePeak, b.peakHeapBytes());
            candidatePeak = Math.max(candidatePeak, c.peakHeapBytes());
        }
        return new Comparison(new Result(median(baseTimes), basePeak), new Result(median(candidateTimes),
                candidatePeak), median(ratios));
    }

    private record Timed(double millis, long peakHeapBytes) {
    }

    private static Timed timed(final Callable<?> work, final int calls) throws Exception {
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            if (work.call() == null) {
                throw new IllegalStateException("benchmark work returned nothing");
            }
        }
        double millis = (System.nanoTime() - start) / 1e6 / calls;
        return new Timed(millis, peakHeap());
    }

    private static double median(final double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The sizes given on the command line, or {@code defaults} when none is. */
    static List<Integer> sizes(final String[] args, final Integer... defaults) {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        return sizes.isEmpty() ? List.of(defaults) : sizes;
    }

    /**
     * The value of the option {@code name} in {@code args}, which loses the option and its value; {@code fallback}
     * when the option is not given.
     */
    static String option(final List<String> args, final String name, final String fallback) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size()) {
            return fallback;
        }
        String value = args.get(i + 1);
        args.subList(i, i + 2).clear();
        return value;
    }

    /** Runs {@code work} {@code repeats} times after {@code warmups} unmeasured runs. */
    static Result run(final int warmups, final int repeats, final Callable<?> work) throws Exception {
        for (int i = 0; i < warmups; i++) {
            work.call();
        }
        double[] times = new double[repeats];
        long peak = 0;
        for (int i = 0; i < repeats; i++) {
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            Object result = work.call();
            times[i] = (System.nanoTime() - start) / 1e6;
            peak = Math.max(peak, peakHeap());
            if (result == null) {
                throw new IllegalStateException("benchmark work returned nothing");
            }
        }
        Arrays.sort(times);
        return new Result(times[repeats / 2], peak);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }
}
