package io.k8sgate.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Brings a stored baseline document written under an older schema up to {@link #CURRENT}, one step at a time, and
 * refuses documents from a newer schema (an older tool must not misread, or rewrite, what a newer one recorded).
 *
 * <p>Adding schema version N means raising {@link #CURRENT} to N, adding the step from N-1 to {@link #STEPS}, and
 * adding a fixture {@code fixtures/baselines/vN/} that the migration test reads.
 */
public final class BaselineMigrations {
    /** The schema this version of the tool writes. */
    public static final int CURRENT = 2;
    /** The oldest schema it can read. */
    public static final int OLDEST = 1;

    /**
     * The step from schema {@code key} to {@code key + 1}. Schema 2 adds an {@code integrity} hash to version and
     * index files and keeps secret values as keyed digests ({@link RedactionKey}) instead of a plain marker; a
     * schema 1 document reads as it is, without a hash to check, and its plain markers compare as "not comparable".
     */
    private static final Map<Integer, UnaryOperator<ObjectNode>> STEPS = Map.of(1, document -> document);

    private BaselineMigrations() {
    }

    /**
     * The document under the current schema.
     *
     * @param document the parsed document
     * @param origin   what it is, for messages (such as {@code version 3 in .k8s-security/baselines})
     * @throws BaselineException when it has no usable schema version or one this tool cannot read
     */
    public static ObjectNode migrate(final JsonNode document, final String origin) {
        if (!(document instanceof ObjectNode object)) {
            throw new BaselineException("Baseline " + origin + " is not a JSON object: the file is corrupt");
        }
        JsonNode version = object.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new BaselineException("Baseline " + origin + " has no integer schemaVersion: the file is corrupt");
        }
        int schema = version.intValue();
        if (schema > CURRENT) {
            throw new BaselineException("Baseline " + origin + " was written with schema version " + schema
                    + " by a newer version of the tool; this version reads schema " + OLDEST + " to " + CURRENT
                    + ": upgrade k8s-security-gate to use this store");
        }
        if (schema < OLDEST) {
            throw new BaselineException("Baseline " + origin + " has schema version " + schema
                    + ", which no version of the tool wrote: the file is corrupt");
        }
        ObjectNode current = object;
        for (int step = schema; step < CURRENT; step++) {
            UnaryOperator<ObjectNode> migration = STEPS.get(step);
            if (migration == null) {
                throw new IllegalStateException("No migration from baseline schema " + step + " to " + (step + 1));
            }
            current = migration.apply(current);
            current.put("schemaVersion", step + 1);
        }
        return current;
    }
}
