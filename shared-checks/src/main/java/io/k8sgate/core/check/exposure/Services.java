package io.k8sgate.core.check.exposure;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.K8sObject;
import java.util.stream.Stream;

/** The Kubernetes Services of the inputs (not custom resources that are also called Service, like Knative's). */
final class Services {
    private Services() {
    }

    /** Every core Service. */
    static Stream<K8sObject> all(final CheckContext context) {
        return context.ofKind("Service").stream().filter(s -> s.apiGroup().isEmpty());
    }

    /** The core Services of one {@code spec.type}. */
    static Stream<K8sObject> ofType(final CheckContext context, final String type) {
        return all(context).filter(s -> type.equals(s.root().path("spec", "type").text("")));
    }
}
