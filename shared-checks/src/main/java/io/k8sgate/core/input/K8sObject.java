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
 * @param deployedNamespace the namespace the object is deployed into when its manifest names none (the namespace
 *                          given to the run, or the release namespace of the chart that rendered it); empty when that
 *                          is not known
 * @param namespaceUnchosen true when the {@code metadata.namespace} written in the object is not the manifest's
 *                          choice: a chart rendered without a namespace copied Helm's default release namespace into
 *                          it ({@code namespace: {{ .Release.Namespace }}}); such an object names no namespace
 */
public record K8sObject(YamlNode root, String file, int document, String deployedNamespace,
        boolean namespaceUnchosen) {
    public K8sObject {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(deployedNamespace, "deployedNamespace");
    }

    /** An object read from a manifest, deployed wherever its manifest says. */
    public K8sObject(final YamlNode root, final String file, final int document) {
        this(root, file, document, "", false);
    }

    /** The same object, deployed into {@code namespace} when its manifest names none. */
    public K8sObject deployedInto(final String namespace) {
        return new K8sObject(root, file, document, namespace, namespaceUnchosen);
    }

    /**
     * The same object, its written {@code metadata.namespace} read as not set: the renderer wrote there the default
     * release namespace that nobody chose (see {@link #namespaceUnchosen}).
     */
    public K8sObject withUnchosenNamespace() {
        return new K8sObject(root, file, document, deployedNamespace, true);
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
     * {@code metadata.namespace} as written; when not set (or written by a renderer from a default nobody chose,
     * {@link #namespaceUnchosen}), the namespace the object is deployed into, if known ({@link #deployedNamespace});
     * empty otherwise. Every check reads an object's namespace here.
     */
    public String namespace() {
        String written = namespaceUnchosen ? "" : root.path("metadata", "namespace").text("");
        return written.isEmpty() ? deployedNamespace : written;
    }

    /**
     * The object's namespace as a message names it: {@code namespace 'shop'}, or, when it names none and none is given
     * to the run, {@code the namespace it is deployed to} (which is not known before deploy).
     */
    public String namespaceShown() {
        String ns = namespace();
        return ns.isEmpty() ? "the namespace it is deployed to" : "namespace '" + ns + "'";
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

    /** Reads a mapping of scalars into strings (non-scalar values are skipped). */
    public static Map<String, String> strings(final YamlNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> v.text().ifPresent(t -> out.put(k, t)));
        return out;
    }
}
