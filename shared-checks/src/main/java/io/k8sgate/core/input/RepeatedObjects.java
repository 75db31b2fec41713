package io.k8sgate.core.input;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.ResourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads an object once when several files hold the very same object. Build tools write their output more than once
 * (Eclipse JKube, for instance, writes every object both into {@code kubernetes.yml} and into a file of its own);
 * checking both copies would only double every finding.
 *
 * <p>Only objects with the same identity (kind, namespace, name) <em>and</em> the same content that come from
 * <em>different</em> files are merged: two objects with the same name but different content (overlays, one file
 * per environment) are different configurations and are both checked.
 */
final class RepeatedObjects {
    private RepeatedObjects() {
    }

    /** The objects with later identical copies from other files removed; each removal is noted as INFO. */
    static List<K8sObject> readOnce(final List<K8sObject> objects, final Consumer<Diagnostic> notes) {
        Map<ResourceRef, List<K8sObject>> kept = new HashMap<>();
        List<K8sObject> out = new ArrayList<>(objects.size());
        for (K8sObject object : objects) {
            List<K8sObject> same = kept.computeIfAbsent(object.ref(), k -> new ArrayList<>());
            Optional<K8sObject> first = same.stream().filter(o -> !o.file().equals(object.file()))
                    .filter(o -> Objects.equals(o.root().toJava(), object.root().toJava())).findFirst();
            if (first.isPresent()) {
                notes.accept(Diagnostic.info("duplicate-object", object.location(), object.ref().display()
                        + " is the same object as in " + first.get().location() + " and was read once"));
            } else {
                same.add(object);
                out.add(object);
            }
        }
        return out;
    }
}
