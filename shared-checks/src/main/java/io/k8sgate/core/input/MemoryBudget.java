package io.k8sgate.core.input;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much memory the inputs of one run may take, shared by everything the run reads. Readers reserve what an input
 * will cost before they build it (a manifest file before it is read, each vulnerability of a scan report as it is
 * read), using the costs per unit the benchmark measures; an input that does not fit is refused with a message that
 * names the file, the limit and how to raise it, instead of the run dying of an {@link OutOfMemoryError} part way.
 * The estimates are deliberately on the safe side: what is left of the heap serves the checks, the reports and the
 * JVM itself.
 */
public final class MemoryBudget {
    /** The share of the maximum heap the inputs of a run may fill. */
    static final double SHARE = 0.6;
    private static final long MB = 1L << 20;

    private final long limit;
    private final long heap;
    private final AtomicLong used = new AtomicLong();

    private MemoryBudget(final long limit, final long heap) {
        this.limit = limit;
        this.heap = heap;
    }

    /** A share of this JVM's maximum heap ({@code -Xmx}). */
    public static MemoryBudget ofHeap() {
        long max = Runtime.getRuntime().maxMemory();
        return max == Long.MAX_VALUE ? unlimited() : new MemoryBudget((long) (max * SHARE), max);
    }

    /** A budget of the given size, as if the heap were {@code bytes / SHARE}. */
    public static MemoryBudget of(final long bytes) {
        return new MemoryBudget(bytes, (long) (bytes / SHARE));
    }

    /** No limit at all (tests and tools that manage memory themselves). */
    public static MemoryBudget unlimited() {
        return new MemoryBudget(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Takes {@code bytes} if they fit; false, taking nothing, if they do not. */
    public boolean tryReserve(final long bytes) {
        if (bytes <= 0) {
            return true;
        }
        long now;
        do {
            now = used.get();
            if (now + bytes > limit || now + bytes < 0) {
                return false;
            }
        } while (!used.compareAndSet(now, now + bytes));
        return true;
    }

    /** Gives back what was reserved for an input that was not kept. */
    public void release(final long bytes) {
        used.addAndGet(-Math.max(bytes, 0));
    }

    /** What is still free. */
    public long available() {
        return Math.max(limit - used.get(), 0);
    }

    /** The whole budget. */
    public long limit() {
        return limit;
    }

    /** The limit in words, for messages: {@code 153 MB (60 % of the 256 MB heap)}. */
    public String describe() {
        if (limit == Long.MAX_VALUE) {
            return "no limit";
        }
        return String.format(Locale.ROOT, "%,d MB (%d %% of the %,d MB heap)", limit / MB, Math.round(SHARE * 100),
                heap / MB);
    }

    /** What to do about a refusal, for messages. */
    public static String advice() {
        return "give the JVM more memory (-Xmx, for example JAVA_TOOL_OPTIONS=-Xmx4g; MAVEN_OPTS for the Maven plugin) "
                + "or check the inputs in smaller parts";
    }

    /** A byte count for people: {@code 1.4 GB}, {@code 12 MB}, {@code 640 KB}. */
    public static String bytes(final long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
        }
        if (n >= MB) {
            return String.format(Locale.ROOT, "%,d MB", n / MB);
        }
        return String.format(Locale.ROOT, "%,d KB", Math.max(n >> 10, 1));
    }
}
