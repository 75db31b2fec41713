package io.k8sgate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** Timing and peak-heap measurement for the scale benchmark: the median of repeated runs. */
final class Measure {
    private Measure() {
    }

    /** A measured result. */
    record Result(double medianMillis, long peakHeapBytes) {
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
