package io.k8sgate.core.input;

/**
 * Limits that keep hostile input from exhausting the machine. Every limit is refused with a diagnostic, never by a
 * crash or a hang.
 *
 * @param maxFileBytes     largest input file read at all
 * @param maxDocumentChars largest single YAML document
 * @param maxDepth         deepest nesting of mappings and sequences
 * @param maxNodes         most nodes one document may expand to, aliases counted at their expanded size
 * @param maxAliases       most alias uses in one document
 */
public record LoaderLimits(long maxFileBytes, int maxDocumentChars, int maxDepth, long maxNodes, int maxAliases) {
    /** Limits that fit any real manifest set with a wide margin. */
    public static final LoaderLimits DEFAULT = new LoaderLimits(256L * 1024 * 1024, 16 * 1024 * 1024, 100,
            2_000_000, 1_000);
}
