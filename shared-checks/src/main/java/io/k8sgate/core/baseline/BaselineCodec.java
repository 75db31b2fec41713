package io.k8sgate.core.baseline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.k8sgate.core.policy.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The stored form of baselines: human-readable JSON with a {@code schemaVersion}, read through
 * {@link BaselineMigrations} and checked against the content hash it carries.
 */
public final class BaselineCodec {
    private static final String HASH_PREFIX = "sha256:";

    /** Writes the files people read: indented, keys sorted. */
    private static final ObjectMapper PRETTY = JsonMapper.builder()
            .addModule(new Jdk8Module()).addModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Writes the bytes that are hashed: compact, every key sorted. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new Jdk8Module()).addModule(new JavaTimeModule())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private BaselineCodec() {
    }

    /** The bytes of a version file. */
    public static byte[] write(final Baseline baseline) {
        return bytes(new VersionFile(BaselineMigrations.CURRENT, integrity(baseline.metadata()), baseline.metadata(),
                baseline.content().resources(), baseline.content().findings()));
    }

    /**
     * Reads a version file: migrates it, checks its content hash.
     *
     * @param data   the file's bytes
     * @param origin what it is, for messages
     * @throws BaselineException when it is truncated, not JSON, from a newer schema, or its content does not match
     *                           its hash
     */
    public static Baseline read(final byte[] data, final String origin) {
        VersionFile file;
        try {
            ObjectNode migrated = BaselineMigrations.migrate(tree(data, origin), origin);
            file = PRETTY.treeToValue(migrated, VersionFile.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new BaselineException("Baseline " + origin + " is corrupt: " + firstLine(e), e);
        }
        verify(file.integrity(), integrity(file.metadata()), origin, "its metadata (version number, build, time, "
                + "hashes)");
        Snapshot content = new Snapshot(file.resources(), file.findings());
        String computed = contentHash(content);
        if (!computed.equals(file.metadata().contentHash())) {
            throw new BaselineException("Baseline " + origin + " fails its integrity check: the content hash is "
                    + computed + " but the version records " + file.metadata().contentHash()
                    + "; the file was changed or damaged after it was recorded");
        }
        return new Baseline(file.metadata(), content);
    }

    /** The bytes of an index file. */
    public static byte[] writeIndex(final List<BaselineMetadata> versions) {
        return bytes(new IndexFile(BaselineMigrations.CURRENT, integrity(versions), versions));
    }

    /**
     * Reads an index file and checks its integrity hash (schema 2 and later).
     *
     * @throws BaselineException when it is truncated, not JSON, from a newer schema, or does not match its hash
     */
    public static List<BaselineMetadata> readIndex(final byte[] data, final String origin) {
        IndexFile index;
        try {
            ObjectNode migrated = BaselineMigrations.migrate(tree(data, origin), origin);
            index = PRETTY.treeToValue(migrated, IndexFile.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new BaselineException("Baseline " + origin + " is corrupt: " + firstLine(e), e);
        }
        verify(index.integrity(), integrity(index.versions()), origin, "its list of versions");
        return index.versions();
    }

    /** SHA-256 over the canonical JSON of a value: what the {@code integrity} field of a stored file holds. */
    private static String integrity(final Object value) {
        try {
            return HASH_PREFIX + sha256(CANONICAL.writeValueAsBytes(value));
        } catch (JacksonException e) {
            throw new IllegalStateException("Baseline metadata always serialises", e);
        }
    }

    /** Files written before schema 2 carry no integrity hash; every later one is checked. */
    private static void verify(final @Nullable String recorded, final String computed, final String origin,
            final String what) {
        if (recorded != null && !recorded.equals(computed)) {
            throw new BaselineException("Baseline " + origin + " fails its integrity check: " + what
                    + " hashes to " + computed + " but the file records " + recorded + "; the file was changed or "
                    + "damaged after it was written");
        }
    }

    /** SHA-256 over the canonical JSON of the content. */
    public static String contentHash(final Snapshot content) {
        try {
            return HASH_PREFIX + sha256(CANONICAL.writeValueAsBytes(content));
        } catch (JacksonException e) {
            throw new IllegalStateException("A snapshot always serialises", e);
        }
    }

    /** SHA-256 of what the policy decides (its file name left out, so that the same rules hash the same). */
    public static String policyHash(final Policy policy) {
        ObjectNode tree = CANONICAL.valueToTree(policy);
        tree.remove("source");
        try {
            return HASH_PREFIX + sha256(CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(tree, Object.class)));
        } catch (JacksonException e) {
            throw new IllegalStateException("A policy always serialises", e);
        }
    }

    private static JsonNode tree(final byte[] data, final String origin) {
        if (data.length == 0) {
            throw new BaselineException("Baseline " + origin + " is empty: the file was truncated");
        }
        try {
            return PRETTY.readTree(data);
        } catch (IOException e) {
            throw new BaselineException("Baseline " + origin + " is not valid JSON (truncated or damaged): "
                    + firstLine(e), e);
        }
    }

    private static byte[] bytes(final Object value) {
        try {
            return PRETTY.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(final byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String firstLine(final Exception e) {
        String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * A version file. {@code integrity} is the SHA-256 of the metadata, which holds the hash of the content: together
     * they cover the whole file (absent in files written under schema 1).
     */
    @JsonPropertyOrder({"schemaVersion", "integrity", "metadata", "resources", "findings"})
    record VersionFile(int schemaVersion, @Nullable String integrity, BaselineMetadata metadata,
            List<BaselineResource> resources, List<BaselineFinding> findings) {
        VersionFile {
            Objects.requireNonNull(metadata, "metadata");
            resources = List.copyOf(resources);
            findings = List.copyOf(findings);
        }
    }

    /**
     * The index of a store: the metadata of every version, oldest first, and the SHA-256 of that list (absent in
     * files written under schema 1).
     */
    @JsonPropertyOrder({"schemaVersion", "integrity", "versions"})
    record IndexFile(int schemaVersion, @Nullable String integrity, List<BaselineMetadata> versions) {
        IndexFile {
            versions = List.copyOf(versions);
        }
    }
}
