package io.k8sgate.core.input.trivy;

import java.util.Arrays;

/**
 * Shares equal strings among the findings of one report: package names, versions, statuses and CVSS vectors repeat
 * across thousands of vulnerabilities, and keeping one copy of each is what keeps a large report's model small.
 *
 * <p>Text is looked up straight from the parser's character buffer, so a value seen before costs a hash and a
 * comparison, not a new string. Sharing is best effort and bounded: the table stops growing at {@link #MAX_ENTRIES},
 * and a lookup gives up after {@link #MAX_PROBES} slots (a report crafted so that many values share one hash cannot
 * make reading slow), returning an unshared copy in both cases.
 */
final class Interner {
    /** The most values any sharing table of one report holds. */
    static final int MAX_ENTRIES = 200_000;
    /** The most slots a lookup in any sharing table visits. */
    static final int MAX_PROBES = 32;
    private static final int INITIAL_SLOTS = 1 << 12;
    private String[] texts = new String[INITIAL_SLOTS];
    /** The characters of each shared string, compared with one vectorised call instead of char by char. */
    private char[][] chars = new char[INITIAL_SLOTS][];
    private int[] hashes = new int[INITIAL_SLOTS];
    private int textCount;

    /** The shared string holding {@code length} characters of {@code buffer} from {@code offset}. */
    String text(final char[] buffer, final int offset, final int length) {
        if (length == 0) {
            return "";
        }
        int hash = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = 31 * hash + buffer[i];
        }
        int mask = texts.length - 1;
        int slot = spread(hash) & mask;
        int probes = 0;
        for (char[] c = chars[slot]; c != null; c = chars[slot]) {
            if (hashes[slot] == hash && Arrays.equals(c, 0, c.length, buffer, offset, offset + length)) {
                return texts[slot];
            }
            if (++probes == MAX_PROBES) {
                return new String(buffer, offset, length);
            }
            slot = (slot + 1) & mask;
        }
        String created = new String(buffer, offset, length);
        if (textCount < MAX_ENTRIES) {
            texts[slot] = created;
            chars[slot] = Arrays.copyOfRange(buffer, offset, offset + length);
            hashes[slot] = hash;
            textCount++;
            if (textCount * 2 > texts.length) {
                grow();
            }
        }
        return created;
    }

    /** The shared copy of {@code value}. */
    String text(final String value) {
        return text(value.toCharArray(), 0, value.length());
    }

    /** How many distinct strings are shared. */
    int size() {
        return textCount;
    }

    /**
     * Mixes every bit of a hash into the low bits that pick a slot (MurmurHash3's finaliser): similar strings such as
     * {@code "1.2"} and {@code "1.3"} have near hashes that would otherwise fill neighbouring slots.
     */
    static int spread(final int hash) {
        int h = hash ^ (hash >>> 16);
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    private void grow() {
        String[] oldTexts = texts;
        char[][] oldChars = chars;
        int[] oldHashes = hashes;
        texts = new String[oldTexts.length * 2];
        chars = new char[texts.length][];
        hashes = new int[texts.length];
        int mask = texts.length - 1;
        for (int i = 0; i < oldTexts.length; i++) {
            if (oldChars[i] != null) {
                int slot = spread(oldHashes[i]) & mask;
                while (chars[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                texts[slot] = oldTexts[i];
                chars[slot] = oldChars[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }
}
