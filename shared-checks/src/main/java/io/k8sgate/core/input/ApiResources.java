package io.k8sgate.core.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which resource an object is, as the API server maps kinds to resources: the built-in resources of the Kubernetes
 * API (from {@code api-resources.txt}), and the resources that CustomResourceDefinitions among the inputs define. A
 * kind neither knows is mapped the way {@code kubectl} guesses (lower case, plural) and taken as namespaced.
 */
public final class ApiResources {
    private static final Map<String, Resource> BUILT_IN = read();

    private final Map<String, Resource> byGroupKind;

    /**
     * A resource of the API.
     *
     * @param group      the API group, empty for the core group
     * @param kind       the kind
     * @param resource   the resource (plural, lower case)
     * @param namespaced true for namespaced resources
     * @param versions   the versions the API server serves, preferred first
     */
    public record Resource(String group, String kind, String resource, boolean namespaced, List<String> versions) {
        public Resource {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(resource, "resource");
            versions = List.copyOf(versions);
        }
    }

    private ApiResources(final Map<String, Resource> byGroupKind) {
        this.byGroupKind = byGroupKind;
    }

    /** The built-in resources and those defined by the CustomResourceDefinitions among {@code objects}. */
    public static ApiResources of(final List<K8sObject> objects) {
        Map<String, Resource> all = new HashMap<>(BUILT_IN);
        for (K8sObject o : objects) {
            if ("CustomResourceDefinition".equals(o.kind()) && "apiextensions.k8s.io".equals(o.apiGroup())) {
                YamlNode spec = o.root().get("spec");
                String group = spec.get("group").text("");
                String kind = spec.path("names", "kind").text("");
                String plural = spec.path("names", "plural").text("");
                if (kind.isEmpty() || plural.isEmpty()) {
                    continue;
                }
                List<String> versions = new ArrayList<>();
                spec.get("versions").elements().forEach(v -> {
                    if (v.get("served").bool().orElse(true)) {
                        v.get("name").text().ifPresent(versions::add);
                    }
                });
                all.put(key(group, kind), new Resource(group, kind, plural,
                        !"Cluster".equals(spec.get("scope").text("Namespaced")), versions));
            }
        }
        return new ApiResources(all);
    }

    /** The resources of the Kubernetes API itself (without custom resources). */
    public static java.util.Collection<Resource> builtIn() {
        return BUILT_IN.values();
    }

    /** The resource of a kind in a group, if the API or a CustomResourceDefinition among the inputs defines it. */
    public Optional<Resource> find(final String group, final String kind) {
        return Optional.ofNullable(byGroupKind.get(key(group, kind)));
    }

    /** The resource of an object: known, or guessed from its kind. */
    public Resource of(final K8sObject object) {
        return find(object.apiGroup(), object.kind()).orElseGet(() -> new Resource(object.apiGroup(), object.kind(),
                plural(object.kind()), true, List.of(version(object))));
    }

    /** The version part of the object's apiVersion. */
    public static String version(final K8sObject object) {
        String v = object.apiVersion();
        return v.substring(v.indexOf('/') + 1);
    }

    /** The namespace the object is created in: its own, {@code default} when a namespaced object names none. */
    public String namespaceOf(final K8sObject object) {
        if (!of(object).namespaced()) {
            return "";
        }
        return object.namespace().isEmpty() ? "default" : object.namespace();
    }

    /** How kubectl makes a resource name from an unknown kind. */
    static String plural(final String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z") || lower.endsWith("ch")
                || lower.endsWith("sh")) {
            return lower + "es";
        }
        if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return lower.substring(0, lower.length() - 1) + "ies";
        }
        return lower + "s";
    }

    private static String key(final String group, final String kind) {
        return group + "/" + kind;
    }

    private static Map<String, Resource> read() {
        Map<String, Resource> all = new HashMap<>();
        try (InputStream in = ApiResources.class.getResourceAsStream("api-resources.txt")) {
            if (in == null) {
                throw new IllegalStateException("api-resources.txt is missing from the engine's jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+", -1);
                String group = "core".equals(f[0]) ? "" : f[0];
                all.put(key(group, f[1]), new Resource(group, f[1], f[2], "Namespaced".equals(f[3]),
                        List.of(f[4].split(","))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read api-resources.txt", e);
        }
        return Map.copyOf(all);
    }
}
