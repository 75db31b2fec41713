package io.k8sgate.core.baseline;

import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.SecretRedaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns an object from a manifest or from a cluster into the form a baseline keeps, so that the same configuration
 * always looks the same: fields the API server fills in are dropped, secret values are replaced by keyed digests
 * ({@link SecretRedaction}, {@link RedactionKey}), explicit nulls are dropped (Kubernetes treats them as unset),
 * integers are widened to {@code long}, and mapping keys are sorted.
 */
public final class ResourceNormaliser {
    /** The metadata fields the API server sets; they say nothing about the approved configuration. */
    static final Set<String> SERVER_METADATA = Set.of("uid", "resourceVersion", "managedFields", "creationTimestamp",
            "generation", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");
    /** The annotation {@code kubectl apply} writes with a copy of the whole object. */
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private ResourceNormaliser() {
    }

    /** The normalised form of a manifest object, secret values digested with the {@link RedactionKey#standard} key. */
    public static BaselineResource of(final K8sObject object) {
        return of(object, RedactionKey.standard());
    }

    /** The normalised form of a manifest object, secret values digested with {@code key}. */
    public static BaselineResource of(final K8sObject object, final RedactionKey key) {
        Object java = object.root().toJava();
        Map<String, @Nullable Object> map = java instanceof Map<?, ?> m ? stringKeys(m) : Map.of();
        return new BaselineResource(object.apiVersion(), object.kind(), object.namespace(), object.name(),
                normalise(map, key));
    }

    /**
     * The normalised form of an object given as plain maps, lists and scalars (as a JSON reader returns it), secret
     * values digested with the {@link RedactionKey#standard} key.
     */
    public static Map<String, @Nullable Object> normalise(final Map<String, @Nullable Object> object) {
        return normalise(object, RedactionKey.standard());
    }

    /** The normalised form of an object given as plain maps, lists and scalars, secret values digested with key. */
    public static Map<String, @Nullable Object> normalise(final Map<String, @Nullable Object> object,
            final RedactionKey key) {
        Map<String, @Nullable Object> copy = canonicalMap(object);
        copy.remove("status");
        if (copy.get("metadata") instanceof Map<?, ?> meta) {
            Map<String, @Nullable Object> metadata = stringKeys(meta);
            SERVER_METADATA.forEach(metadata::remove);
            if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
                Map<String, @Nullable Object> kept = stringKeys(annotations);
                kept.remove(LAST_APPLIED);
                if (kept.isEmpty()) {
                    metadata.remove("annotations");
                } else {
                    metadata.put("annotations", kept);
                }
            }
            copy.put("metadata", metadata);
        }
        return canonical(SecretRedaction.redact(copy, key::digest));
    }

    /**
     * A deep copy with sorted keys, without null values, with integers as {@code long} and floating point numbers
     * as {@code double}; read-only.
     */
    public static Map<String, @Nullable Object> canonical(final Map<String, @Nullable Object> object) {
        return Collections.unmodifiableMap(canonicalMap(object));
    }

    private static Map<String, @Nullable Object> canonicalMap(final Map<?, ?> map) {
        Map<String, @Nullable Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                sorted.put(String.valueOf(k), canonicalValue(v));
            }
        });
        return sorted;
    }

    private static Object canonicalValue(final Object value) {
        if (value instanceof Map<?, ?> map) {
            return Collections.unmodifiableMap(canonicalMap(map));
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(e -> {
                if (e != null) {
                    copy.add(canonicalValue(e));
                }
            });
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
            return big.longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    private static Map<String, @Nullable Object> stringKeys(final Map<?, ?> map) {
        Map<String, @Nullable Object> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
