package io.k8sgate.core.input.trivy;

/**
 * The open-addressing table behind each sharing table of a report ({@link Interner}, {@link SharedMaps},
 * {@link SharedCvss}): entries are stored with their hash and found by it plus the caller's own comparison, so a
 * value seen before can be found without building it first.
 *
 * <p>A lookup walks the slots from {@link #start(int)} with {@link #next(int)} for at most {@link #MAX_PROBES} slots,
 * stopping at a free one ({@link #at(int)} is null), where {@link #add} may store the new entry. Sharing is best
 * effort and bounded: the table stops growing at {@link #MAX_ENTRIES} entries, and a report crafted so that many
 * values share one hash cannot make a lookup visit more than {@link #MAX_PROBES} slots; values past either limit are
 * simply not shared.
 *
 * @param <E> the entries
 */
final class SharingTable<E> {
    /** The most entries one table holds. */
    static final int MAX_ENTRIES = 200_000;
    /** The most slots one lookup visits. */
    static final int MAX_PROBES = 32;
    private Object[] entries;
    private int[] hashes;
    private int count;

    /** A table starting with {@code slots} slots (a power of two). */
    SharingTable(final int slots) {
        entries = new Object[slots];
        hashes = new int[slots];
    }

    /** The first slot to look at for {@code hash}. */
    int start(final int hash) {
        return spread(hash) & (entries.length - 1);
    }

    /** The slot after {@code slot}. */
    int next(final int slot) {
        return (slot + 1) & (entries.length - 1);
    }

    /** The entry in a slot, null when the slot is free. */
    @SuppressWarnings("unchecked") // only entries of type E are stored
    E at(final int slot) {
        return (E) entries[slot];
    }

    /** The hash the entry in a slot was stored with. */
    int hashAt(final int slot) {
        return hashes[slot];
    }

    /** Stores {@code entry} in the free slot a lookup ended on, unless the table is full; returns the entry. */
    E add(final int slot, final int hash, final E entry) {
        if (count < MAX_ENTRIES) {
            entries[slot] = entry;
            hashes[slot] = hash;
            count++;
            if (count * 2 > entries.length) {
                grow();
            }
        }
        return entry;
    }

    /** How many entries are stored. */
    int size() {
        return count;
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
        Object[] oldEntries = entries;
        int[] oldHashes = hashes;
        entries = new Object[oldEntries.length * 2];
        hashes = new int[entries.length];
        for (int i = 0; i < oldEntries.length; i++) {
            if (oldEntries[i] != null) {
                int slot = start(oldHashes[i]);
                while (entries[slot] != null) {
                    slot = next(slot);
                }
                entries[slot] = oldEntries[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }
}
