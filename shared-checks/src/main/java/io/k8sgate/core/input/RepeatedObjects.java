package io.k8sgate.core.input;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.DuplicateObject;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.ResourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Objects defined more than once. An object repeated identically is read once; one defined differently in several
 * places is reported, with each definition checked on its own.
 *
 * <p>Reads an object once when several files hold the very same object. Build tools write their output more than once
 * (Eclipse JKube, for instance, writes every object both into {@code kubernetes.yml} and into a file of its own);
 * checking both copies would only double every finding.
 *
 * <p>Only objects with the same identity (kind, namespace, name) <em>and</em> the same content that come from
 * <em>different</em> files are merged: two objects with the same name but different content (overlays, one file
 * per environment) are different configurations and are both checked, and {@link #duplicates} reports them.
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

    /**
     * The identities (API group, kind, namespace, name) defined more than once among {@code objects}, each reported:
     * as a warning when the definitions come from one source (plain files, or one chart or kustomization), since
     * applying them lets the last one replace the others; as a note when they come from different charts or
     * kustomizations, which are usually different environments.
     *
     * @param objects  the objects, in apply order, identical repeats already removed
     * @param sourceOf the source of an object: empty for a plain file, the chart or kustomization otherwise
     * @param place    where a definition is shown (the file a person edits, for a rendered object)
     * @param notes    receives one diagnostic per identity defined more than once
     */
    static List<DuplicateObject> duplicates(final List<K8sObject> objects, final Function<K8sObject, String> sourceOf,
            final Function<Location, Location> place, final Consumer<Diagnostic> notes) {
        Map<List<String>, List<K8sObject>> byIdentity = new LinkedHashMap<>();
        for (K8sObject o : objects) {
            String name = o.name();
            if (name.isEmpty() || name.endsWith("*")) {
                continue; // no name, or generateName: the API server names each one anew
            }
            byIdentity.computeIfAbsent(List.of(o.apiGroup(), o.kind(), o.namespace(), name), k -> new ArrayList<>())
                    .add(o);
        }
        List<DuplicateObject> out = new ArrayList<>();
        for (List<K8sObject> same : byIdentity.values()) {
            if (same.size() < 2) {
                continue;
            }
            K8sObject last = same.get(same.size() - 1);
            List<Location> where = same.stream().map(o -> place.apply(o.location())).toList();
            boolean conflict = same.stream().map(sourceOf).distinct().count() == 1;
            String listed = where.stream().map(Location::toString).collect(Collectors.joining(", "));
            String ref = last.ref().display();
            if (conflict) {
                notes.accept(Diagnostic.warning("duplicate-object", where.get(where.size() - 1), ref + " is defined "
                        + same.size() + " times (" + listed + "): applied together, the last definition replaces the "
                        + "others. Each definition is checked on its own"));
            } else {
                notes.accept(Diagnostic.info("duplicate-object", where.get(where.size() - 1), ref + " is defined "
                        + "by " + same.stream().map(sourceOf).distinct().map(s -> s.isEmpty() ? "plain files" : s)
                        .collect(Collectors.joining(", ")) + " (" + listed + "). Each definition is checked on its "
                        + "own"));
            }
            out.add(new DuplicateObject(last.ref(), where, conflict));
        }
        return out;
    }
}
