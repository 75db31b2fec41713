package io.k8sgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a command as its own process, as CI runs a tool, and measures its wall time and its peak resident memory. The
 * peak is the kernel's high-water mark of the process ({@code VmHWM} in {@code /proc/PID/status}, Linux only), read
 * every few milliseconds while it runs: the last value read before it exits.
 */
final class WholeProcess {
    private static final long SAMPLE_MILLIS = 5;

    private WholeProcess() {
    }

    /** One run: wall time, exit code, peak resident memory in kB (0 where the system does not tell). */
    record Run(double millis, int exitCode, long peakRssKb) {
        double peakRssMb() {
            return peakRssKb / 1024.0;
        }
    }

    /**
     * Runs {@code command} in {@code directory} with {@code environment} added to this process's own, its output
     * (standard output and error) going to {@code output}, and waits for it.
     */
    static Run run(final List<String> command, final Map<String, String> environment, final Path output,
            final Path directory) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        AtomicLong peak = new AtomicLong();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        Thread sampler = new Thread(() -> sample(process, status, peak), "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        int code = process.waitFor();
        double millis = (System.nanoTime() - start) / 1e6;
        sampler.join();
        return new Run(millis, code, peak.get());
    }

    /** The last lines of a run's output, for an error message. */
    static String tail(final Path output, final int lines) throws IOException {
        List<String> all = Files.readAllLines(output);
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static void sample(final Process process, final Path status, final AtomicLong peak) {
        try {
            while (!process.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
                peak.accumulateAndGet(highWaterMarkKb(status), Math::max);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long highWaterMarkKb(final Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0; // not Linux, or the process has just exited: the last value read stands
        }
        return 0;
    }
}
