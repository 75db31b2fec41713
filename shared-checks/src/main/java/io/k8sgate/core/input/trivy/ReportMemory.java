package io.k8sgate.core.input.trivy;

import io.k8sgate.core.input.MemoryBudget;
import java.util.Locale;

/**
 * Pays for what the reader of one report keeps, from the run's {@link MemoryBudget}, before it is kept: each
 * vulnerability and each other finding (misconfiguration, secret, licence, configuration check) at the heap it takes
 * with the finding it becomes, each result (a target and its lists) at the heap of its record, each value the reader
 * decodes (a string, number or flag that a record, list or map keeps) at the share of a reference and an entry, and the
 * characters of a text beyond {@link #SHORT_TEXT}. Every collection a report can make grow is made of decoded values,
 * so no shape of report (a million misconfigurations, a vendor map of a million entries, titles of megabytes) can fill
 * the heap unpaid. The costs are those TrivyScaleBenchmark measures, rounded up; memory is reserved in blocks, so the
 * shared budget is touched once per block. A report that does not fit is refused where reading stopped, naming the
 * limit and how to raise it, instead of exhausting the heap.
 */
final class ReportMemory {
    /** What a vulnerability's record and its finding keep, besides the values it was read from. */
    static final long BYTES_PER_VULNERABILITY_RECORD = 1_060;
    /** What another finding's record and its finding keep, besides the values it was read from. */
    static final long BYTES_PER_FINDING_RECORD = 1_500;
    /** A result (a target with its lists of findings), besides its values and findings. */
    static final long BYTES_PER_RESULT = 200;
    /** A decoded value: the reference to it and its share of the object, list or map that holds it. */
    static final long BYTES_PER_VALUE = 32;
    /** The characters of a text that {@link #BYTES_PER_VALUE} covers; each further one is paid for. */
    static final int SHORT_TEXT = 64;
    /**
     * A character of a long text: up to two bytes in the record and two in the finding that quotes it, and a margin
     * for the share of the buffers that carry it.
     */
    static final long BYTES_PER_CHAR = 5;
    /** Values a typical vulnerability of Trivy's JSON is read from (ids, package, versions, severities, CVSS). */
    private static final int VALUES_PER_VULNERABILITY = 17;
    /** What a typical vulnerability costs in all: record, finding and values (TrivyScaleBenchmark's report). */
    static final long BYTES_PER_VULNERABILITY = BYTES_PER_VULNERABILITY_RECORD
            + VALUES_PER_VULNERABILITY * BYTES_PER_VALUE;
    private static final long BLOCK = 1L << 16;

    private final MemoryBudget budget;
    private long vulnerabilities;
    private long findings;
    private long longText;
    private long used;
    private long reserved;

    ReportMemory(final MemoryBudget budget) {
        this.budget = budget;
    }

    /** A report read with no limit (tests, tools). */
    static ReportMemory unlimited() {
        return new ReportMemory(MemoryBudget.unlimited());
    }

    /** Pays for one more vulnerability at the stream's position. */
    void vulnerability(final ReportJson json) {
        vulnerabilities++;
        pay(json, BYTES_PER_VULNERABILITY_RECORD);
    }

    /** Pays for {@code n} vulnerabilities at the stream's position (one CycloneDX entry per affected package). */
    void vulnerabilities(final ReportJson json, final long n) {
        vulnerabilities += n;
        pay(json, n * BYTES_PER_VULNERABILITY_RECORD);
    }

    /** Pays for one more finding other than a vulnerability at the stream's position. */
    void finding(final ReportJson json) {
        findings++;
        pay(json, BYTES_PER_FINDING_RECORD);
    }

    /** Pays for one more result (a target with its lists of findings) at the stream's position. */
    void result(final ReportJson json) {
        pay(json, BYTES_PER_RESULT);
    }

    /** Pays for a decoded value that is not text (a number, a flag). */
    void value(final ReportJson json) {
        pay(json, BYTES_PER_VALUE);
    }

    /** Pays for a decoded text of {@code length} characters. */
    void text(final ReportJson json, final int length) {
        if (length > SHORT_TEXT) {
            longText += length;
            pay(json, BYTES_PER_VALUE + (length - SHORT_TEXT) * BYTES_PER_CHAR);
        } else {
            pay(json, BYTES_PER_VALUE);
        }
    }

    private void pay(final ReportJson json, final long bytes) {
        used += bytes;
        while (used > reserved) {
            long block = Math.max(BLOCK, used - reserved);
            if (!budget.tryReserve(block)) {
                throw json.stop(refusal(json));
            }
            reserved += block;
        }
    }

    private String refusal(final ReportJson json) {
        return String.format(Locale.ROOT, "holds more than this run can keep in memory: reading stopped at %s (so "
                + "far %,d vulnerabilities, %,d other findings and %,d characters of long text), as the inputs may use "
                + "%s, a vulnerability takes about %,d bytes with its finding, another finding about %,d and a "
                + "character of a long text %d; %s", json.path(), vulnerabilities, findings, longText,
                budget.describe(), BYTES_PER_VULNERABILITY, BYTES_PER_FINDING_RECORD, BYTES_PER_CHAR,
                MemoryBudget.advice());
    }

    /** Gives back everything paid for: the report was refused, and nothing of it is kept. */
    void release() {
        budget.release(reserved);
        reserved = 0;
        used = 0;
    }

    /** The vulnerabilities paid for. */
    long vulnerabilities() {
        return vulnerabilities;
    }

    /** The bytes paid for. */
    long used() {
        return used;
    }
}
