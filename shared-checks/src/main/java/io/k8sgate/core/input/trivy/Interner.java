package io.k8sgate.core.input.trivy;

import java.util.Arrays;

/**
 * Shares equal strings among the findings of one report: package names, versions, statuses and CVSS vectors repeat
 * across thousands of vulnerabilities, and keeping one copy of each is what keeps a large report's model small.
 * Text is looked up straight from the parser's character buffer, so a value seen before costs a hash and a
 * comparison, not a new string. Bounded like every {@link SharingTable}.
 */
final class Interner {
    private final SharingTable<Text> table = new SharingTable<>(1 << 12);

    /** A shared string with its characters, compared with one vectorised call instead of char by char. */
    @SuppressWarnings("ArrayRecordComponent") // an entry of the table, matched by Arrays.equals, never by equals
    private record Text(char[] chars, String value) {
    }

    /** The shared string holding {@code length} characters of {@code buffer} from {@code offset}. */
    String text(final char[] buffer, final int offset, final int length) {
        if (length == 0) {
            return "";
        }
        int hash = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = 31 * hash + buffer[i];
        }
        int slot = table.start(hash);
        for (int probe = 0; probe < SharingTable.MAX_PROBES; probe++, slot = table.next(slot)) {
            Text t = table.at(slot);
            if (t == null) {
                return table.add(slot, hash, new Text(Arrays.copyOfRange(buffer, offset, offset + length),
                        new String(buffer, offset, length))).value();
            }
            if (table.hashAt(slot) == hash && Arrays.equals(t.chars(), 0, t.chars().length, buffer, offset,
                    offset + length)) {
                return t.value();
            }
        }
        return new String(buffer, offset, length);
    }

    /** The shared copy of {@code value}. */
    String text(final String value) {
        return text(value.toCharArray(), 0, value.length());
    }

    /** How many distinct strings are shared. */
    int size() {
        return table.size();
    }
}
