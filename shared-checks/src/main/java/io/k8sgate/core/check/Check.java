package io.k8sgate.core.check;

import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import java.util.List;

/**
 * One rule: a stateless function from the inputs to findings. Implementations are small {@code final} classes
 * named {@code <What>Check} with their metadata in a {@code METADATA} constant, registered in
 * {@code io.k8sgate.core.registry.CheckRegistry}.
 */
public interface Check {
    /** What the check is. */
    CheckMetadata metadata();

    /** The findings for the given inputs; never null, empty when everything is fine. */
    List<Finding> evaluate(CheckContext context);

    /** A finding about a field of an object (a missing field points at its nearest existing parent). */
    default Finding finding(final K8sObject object, final YamlNode at, final String message) {
        return Finding.of(metadata(), object.ref(), "", at.location(), at.fieldPath(), message);
    }

    /** A finding about a field of a container. */
    default Finding finding(final Container container, final YamlNode at, final String message) {
        return Finding.of(metadata(), container.workload().ref(), container.name(), at.location(), at.fieldPath(),
                message);
    }
}
