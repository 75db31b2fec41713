package io.k8sgate.core.baseline;

import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.model.Finding;
import java.util.Comparator;
import java.util.List;

/**
 * The content of a baseline version: the normalised resources and the findings about them (suppressed ones
 * included), both in a stable order so that the same configuration always hashes the same.
 *
 * @param resources the resources, ordered by namespace, kind and name
 * @param findings  the findings, ordered by fingerprint
 */
public record Snapshot(List<BaselineResource> resources, List<BaselineFinding> findings) {
    private static final Comparator<BaselineResource> RESOURCE_ORDER = Comparator
            .comparing(BaselineResource::ref).thenComparing(BaselineResource::apiVersion);

    public Snapshot {
        resources = resources.stream().sorted(RESOURCE_ORDER).toList();
        findings = findings.stream().sorted(Comparator.comparing(BaselineFinding::fingerprint)
                .thenComparing(BaselineFinding::checkId)).toList();
    }

    /** The snapshot of what a run loaded and found, secret values digested with the standard key. */
    public static Snapshot of(final List<K8sObject> objects, final List<Finding> findings) {
        return of(objects, findings, RedactionKey.standard());
    }

    /** The snapshot of what a run loaded and found, secret values digested with {@code key}. */
    public static Snapshot of(final List<K8sObject> objects, final List<Finding> findings, final RedactionKey key) {
        return new Snapshot(objects.stream().map(o -> ResourceNormaliser.of(o, key)).toList(),
                findings.stream().map(BaselineFinding::of).toList());
    }
}
