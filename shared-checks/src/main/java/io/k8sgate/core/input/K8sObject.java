package io.k8sgate.core.input;

import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.ResourceRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes object read from a manifest, with the position of every field.
 *
 * @param root              the object's mapping ({@code apiVersion}, {@code kind}, {@code metadata}, ...)
 * @param file              the file it was read from
 * @param document          the 1-based document index in that file
 * @param deployedNamespace the namespace the object is deployed into when its manifest names none (the release
 *                          namespace of the chart that rendered it); empty when that is not known
 */
public record K8sObject(YamlNode root, String file, int document, String deployedNamespace) {
    public K8sObject {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(deployedNamespace, "deployedNamespace");
    }

    /** An object read from a manifest, deployed wherever its manifest says. */
    public K8sObject(final YamlNode root, final String file, final int document) {
        this(root, file, document, "");
    }

    /** The same object, deployed into {@code namespace} when its manifest names none. */
    public K8sObject deployedInto(final String namespace) {
        return new K8sObject(root, file, document, namespace);
    }

    /** {@code apiVersion}, empty when missing. */
    public String apiVersion() {
        return root.get("apiVersion").text("");
    }

    /** The API group: the part of {@code apiVersion} before the slash, empty for the core group. */
    public String apiGroup() {
        String v = apiVersion();
        int slash = v.indexOf('/');
        return slash < 0 ? "" : v.substring(0, slash);
    }

    /** {@code kind}, empty when missing. */
    public String kind() {
        return root.get("kind").text("");
    }

    /** {@code metadata.name}, or {@code metadata.generateName} followed by a star, or empty. */
    public String name() {
        YamlNode meta = root.get("metadata");
        return meta.get("name").text().orElseGet(() -> meta.get("generateName").text().map(g -> g + "*").orElse(""));
    }

    /**
     * {@code metadata.namespace} as written; when not set, the namespace the object is deployed into, if known
     * ({@link #deployedNamespace}); empty otherwise.
     */
    public String namespace() {
        String written = root.path("metadata", "namespace").text("");
        return written.isEmpty() ? deployedNamespace : written;
    }

    /** The object's metadata node. */
    public YamlNode metadata() {
        return root.get("metadata");
    }

    /** Labels as strings. */
    public Map<String, String> labels() {
        return strings(root.path("metadata", "labels"));
    }

    /** Annotations as strings. */
    public Map<String, String> annotations() {
        return strings(root.path("metadata", "annotations"));
    }

    /** The identity used in findings. */
    public ResourceRef ref() {
        return new ResourceRef(kind(), namespace(), name());
    }

    /** Where the object starts. */
    public Location location() {
        return root.location();
    }

    /** {@code file (document n)}, for messages. */
    public String origin() {
        return file + " (document " + document + ")";
    }

    /** Reads a mapping of scalars into strings (non-scalar values are skipped). */
    public static Map<String, String> strings(final YamlNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> v.text().ifPresent(t -> out.put(k, t)));
        return out;
    }
}
