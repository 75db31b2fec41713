package io.k8sgate.core.cel;

import io.k8sgate.core.input.ApiResources;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.WorkloadKinds;
import io.k8sgate.core.input.YamlNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The objects of a run as the API server would receive them: each a CREATE of its resource in its namespace, with
 * the Namespace object when the inputs declare it.
 */
public final class RunObjects {
    private final ApiResources resources;
    private final Map<String, K8sObject> namespaces;
    private final WorkloadKinds kinds;

    private RunObjects(final ApiResources resources, final Map<String, K8sObject> namespaces,
            final WorkloadKinds kinds) {
        this.resources = resources;
        this.namespaces = namespaces;
        this.kinds = kinds;
    }

    /** The run's objects (CustomResourceDefinitions and Namespaces among them are used), with the built-in kinds. */
    public static RunObjects of(final List<K8sObject> objects) {
        return of(objects, WorkloadKinds.BUILT_IN);
    }

    /**
     * The run's objects (CustomResourceDefinitions and Namespaces among them are used).
     *
     * @param kinds the kinds that run pods (the built-in table and the policy's additions)
     */
    public static RunObjects of(final List<K8sObject> objects, final WorkloadKinds kinds) {
        Map<String, K8sObject> namespaces = new HashMap<>();
        for (K8sObject o : objects) {
            if ("Namespace".equals(o.kind()) && o.apiGroup().isEmpty()) {
                namespaces.putIfAbsent(o.name(), o);
            }
        }
        return new RunObjects(ApiResources.of(objects), namespaces, kinds);
    }

    /** The API's resources, the inputs' CustomResourceDefinitions included. */
    public ApiResources resources() {
        return resources;
    }

    /** The namespace the object is created in, empty for a cluster-scoped object. */
    public String namespaceOf(final K8sObject object) {
        return resources.namespaceOf(object);
    }

    /** The Namespace object of that name, when it is among the inputs. */
    public Optional<K8sObject> namespace(final String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    /** The request the API server builds for creating the object, as matched by the object's own kind. */
    public Map<String, Object> request(final K8sObject object) {
        ApiResources.Resource r = resources.of(object);
        String version = ApiResources.version(object);
        return request(object, List.of(r.group(), version, r.kind()), List.of(r.group(), version, r.resource()));
    }

    /** The request for creating the object, with the kind and resource an admission rule matched. */
    public Map<String, Object> request(final K8sObject object, final List<String> kind, final List<String> resource) {
        String namespace = "Namespace".equals(object.kind()) && object.apiGroup().isEmpty() ? object.name()
                : namespaceOf(object);
        return Bindings.request(kind, resource, object.name(), namespace);
    }

    /**
     * The bindings for evaluating expressions on the object; the request and the Namespace are looked up only when
     * an expression reads them.
     *
     * @param request makes the admission request ({@link #request})
     * @param params  the params object, if any
     */
    public Bindings bindings(final K8sObject object, final Supplier<Map<String, Object>> request,
            final @Nullable YamlNode params) {
        return Bindings.of(object.root(), kinds, request, params, () -> {
            // the API server gives no namespaceObject for a Namespace itself, nor for cluster-scoped objects
            String namespace = "Namespace".equals(object.kind()) && object.apiGroup().isEmpty() ? ""
                    : namespaceOf(object);
            return namespace.isEmpty() ? null : namespace(namespace).map(K8sObject::root).orElse(null);
        });
    }
}
