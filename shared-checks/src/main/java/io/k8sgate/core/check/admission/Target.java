package io.k8sgate.core.check.admission;

import io.k8sgate.core.cel.RunObjects;
import io.k8sgate.core.input.ApiResources;
import io.k8sgate.core.input.K8sObject;
import java.util.Map;

/**
 * An object as an admission request about it: a CREATE of its resource, in the namespace it is created in (for a
 * Namespace, its own name, as the API server sets it).
 *
 * @param object    the object
 * @param resource  its resource
 * @param version   the version it is written in
 * @param namespace the request's namespace, empty for cluster-scoped objects
 * @param labels    the object's labels
 */
record Target(K8sObject object, ApiResources.Resource resource, String version, String namespace,
        Map<String, String> labels) {
    static Target of(final K8sObject object, final RunObjects run) {
        ApiResources.Resource resource = run.resources().of(object);
        String namespace = isNamespace(resource) ? object.name() : run.namespaceOf(object);
        return new Target(object, resource, ApiResources.version(object), namespace, object.labels());
    }

    /** True for the resource {@code namespaces} of the core group. */
    static boolean isNamespace(final ApiResources.Resource resource) {
        return resource.group().isEmpty() && "namespaces".equals(resource.resource());
    }

    boolean isNamespace() {
        return isNamespace(resource);
    }
}
