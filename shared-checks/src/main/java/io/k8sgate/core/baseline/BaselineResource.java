package io.k8sgate.core.baseline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.k8sgate.core.model.ResourceRef;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One object of the approved configuration, normalised (see {@link ResourceNormaliser}).
 *
 * @param apiVersion the object's apiVersion
 * @param kind       its kind
 * @param namespace  its namespace, empty for cluster-scoped objects or when the manifest does not set one
 * @param name       its name
 * @param content    the whole normalised object, keys sorted, secret values removed
 */
public record BaselineResource(String apiVersion, String kind, String namespace, String name,
        Map<String, @Nullable Object> content) {
    public BaselineResource {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        content = ResourceNormaliser.canonical(content);
    }

    /** A resource from a normalised object. */
    public static BaselineResource of(final Map<String, @Nullable Object> normalised) {
        Object metadata = normalised.get("metadata");
        Map<?, ?> meta = metadata instanceof Map<?, ?> m ? m : Map.of();
        return new BaselineResource(text(normalised.get("apiVersion")), text(normalised.get("kind")),
                text(meta.get("namespace")), text(meta.get("name")), normalised);
    }

    /** The identity findings use. */
    @JsonIgnore
    public ResourceRef ref() {
        return new ResourceRef(kind, namespace, name);
    }

    private static String text(final @Nullable Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
