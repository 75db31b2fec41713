package io.k8sgate.core.policy;

import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.WorkloadKinds;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.model.Suppression;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies exemptions to findings: annotations on the object or its pod template, and the policy's central
 * exceptions. Suppressed findings are kept (marked), never dropped; expired exceptions stop applying and are
 * reported.
 *
 * <p>Annotation forms: {@code k8sgate.io/exempt.K8S-WL-001: "reason"} for one check, or
 * {@code k8sgate.io/exempt: "K8S-WL-001, K8S-WL-002"} together with {@code k8sgate.io/exempt-reason: "reason"}.
 */
public final class Exemptions {
    /** Annotation naming exempted check ids, comma separated. */
    public static final String EXEMPT = "k8sgate.io/exempt";
    /** Annotation giving the reason for {@link #EXEMPT}. */
    public static final String EXEMPT_REASON = "k8sgate.io/exempt-reason";
    /** Prefix of the per-check form. */
    public static final String EXEMPT_PREFIX = "k8sgate.io/exempt.";

    private Exemptions() {
    }

    /**
     * The findings with suppressions applied.
     *
     * @param findings    all findings
     * @param objects     the objects the findings are about (for their annotations)
     * @param policy      the policy (exceptions, whether annotations count)
     * @param today       the day expiry is judged on
     * @param diagnostics receives warnings about expired exceptions and unusable annotations
     */
    public static List<Finding> apply(final List<Finding> findings, final List<K8sObject> objects,
            final Policy policy, final LocalDate today, final List<Diagnostic> diagnostics) {
        Map<ResourceRef, List<Annotated>> annotated = policy.allowInManifestExemptions()
                ? annotations(objects, policy.kinds(), diagnostics) : Map.of();
        if (!policy.allowInManifestExemptions()) {
            warnAboutForbiddenAnnotations(objects, policy.kinds(), diagnostics);
        }
        Map<ResourceRef, List<String>> definitions = new HashMap<>();
        if (!annotated.isEmpty()) {
            objects.forEach(o -> definitions.computeIfAbsent(o.ref(), k -> new ArrayList<>()).add(o.file()));
        }
        Set<PolicyException> expiredUsed = new LinkedHashSet<>();
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Finding result = f;
            Suppression byAnnotation = annotation(annotated.getOrDefault(f.resource(), List.of()),
                    definitions.getOrDefault(f.resource(), List.of()), f).get(f.checkId());
            if (byAnnotation != null) {
                result = f.withSuppression(byAnnotation);
            } else {
                for (PolicyException e : policy.exceptions()) {
                    if (e.matches(f)) {
                        if (e.isExpired(today)) {
                            expiredUsed.add(e);
                            continue;
                        }
                        result = f.withSuppression(new Suppression("exception", e.owner(), e.reason(), e.expires(),
                                e.location()));
                        break;
                    }
                }
            }
            out.add(result);
        }
        for (PolicyException e : policy.exceptions()) {
            if (e.isExpired(today)) {
                diagnostics.add(Diagnostic.warning("exception-expired", e.location(), "The exception for "
                        + String.join(", ", e.checks()) + " owned by " + e.owner() + " expired on "
                        + e.expires().orElseThrow() + " and no longer applies"
                        + (expiredUsed.contains(e) ? ": its findings count again" : "")));
            }
        }
        return out;
    }

    /**
     * A cheap look at the annotation keys of the object and of its pod template, so that the full reading (maps,
     * workload views) happens only for the few objects that carry an exemption.
     */
    private static boolean mentionsExemption(final K8sObject o) {
        YamlNode root = o.root();
        return hasExemptKey(root.path("metadata", "annotations"))
                || hasExemptKey(root.path("spec", "template", "metadata", "annotations"))
                || hasExemptKey(root.path("spec", "jobTemplate", "spec", "template", "metadata", "annotations"));
    }

    private static boolean hasExemptKey(final YamlNode annotations) {
        for (String key : annotations.entries().keySet()) {
            if (key.startsWith(EXEMPT)) {
                return true;
            }
        }
        return false;
    }

    private static void warnAboutForbiddenAnnotations(final List<K8sObject> objects, final WorkloadKinds kinds,
            final List<Diagnostic> diagnostics) {
        for (K8sObject o : objects) {
            if (!mentionsExemption(o)) {
                continue;
            }
            Map<String, String> all = new HashMap<>(o.annotations());
            kinds.workloadsOf(o).forEach(w -> all.putAll(w.podAnnotations()));
            if (all.keySet().stream().anyMatch(k -> k.equals(EXEMPT) || k.startsWith(EXEMPT_PREFIX))) {
                diagnostics.add(Diagnostic.warning("exemption-forbidden", o.location(), o.ref().display()
                        + " carries exemption annotations, but the policy forbids in-manifest exemptions: "
                        + "they were ignored"));
            }
        }
    }

    /** The exemptions one definition of an object carries, and the file it is read from. */
    private record Annotated(String file, Map<String, Suppression> exemptions) {
    }

    /**
     * The exemptions that apply to a finding: those of its object. When the object is defined more than once, only
     * the definition in the finding's own file counts, so that an annotated definition never exempts another one;
     * when that cannot be told (two definitions in one file), none does: the gate fails closed.
     */
    private static Map<String, Suppression> annotation(final List<Annotated> annotated, final List<String> files,
            final Finding f) {
        if (annotated.isEmpty()) {
            return Map.of();
        }
        if (files.size() <= 1) {
            return annotated.get(0).exemptions();
        }
        String file = f.location().file();
        if (files.stream().filter(file::equals).count() != 1) {
            return Map.of();
        }
        return annotated.stream().filter(a -> a.file().equals(file)).findFirst().map(Annotated::exemptions)
                .orElse(Map.of());
    }

    private static Map<ResourceRef, List<Annotated>> annotations(final List<K8sObject> objects,
            final WorkloadKinds kinds, final List<Diagnostic> diagnostics) {
        Map<ResourceRef, List<Annotated>> out = new HashMap<>();
        for (K8sObject o : objects) {
            if (!mentionsExemption(o)) {
                continue;
            }
            Map<String, Suppression> own = new HashMap<>();
            read(o, o.annotations(), o.metadata().get("annotations"), own, diagnostics);
            for (Workload wl : kinds.workloadsOf(o)) {
                read(o, wl.podAnnotations(), wl.podMetadata().get("annotations"), own, diagnostics);
            }
            if (!own.isEmpty()) {
                out.computeIfAbsent(o.ref(), k -> new ArrayList<>()).add(new Annotated(o.file(), own));
            }
        }
        return out;
    }

    private static void read(final K8sObject o, final Map<String, String> annotations,
            final io.k8sgate.core.input.YamlNode node, final Map<String, Suppression> out,
            final List<Diagnostic> diagnostics) {
        annotations.forEach((key, value) -> {
            if (key.startsWith(EXEMPT_PREFIX)) {
                String id = key.substring(EXEMPT_PREFIX.length());
                add(o, id, value, node.get(key), out, diagnostics);
            }
        });
        String list = annotations.get(EXEMPT);
        if (list != null) {
            String reason = annotations.getOrDefault(EXEMPT_REASON, "");
            for (String id : list.split("[,\\s]+", -1)) {
                if (!id.isBlank()) {
                    add(o, id.trim(), reason, node.get(EXEMPT), out, diagnostics);
                }
            }
        }
    }

    private static void add(final K8sObject o, final String id, final String reason,
            final io.k8sgate.core.input.YamlNode at, final Map<String, Suppression> out,
            final List<Diagnostic> diagnostics) {
        if (reason.isBlank()) {
            diagnostics.add(Diagnostic.warning("exemption-without-reason", at.location(), o.ref().display()
                    + " exempts " + id + " without a reason; the exemption was ignored (write the reason as the "
                    + "annotation's value, or in " + EXEMPT_REASON + ")"));
            return;
        }
        out.put(id, new Suppression("annotation", "", reason.trim(), Optional.empty(), at.location()));
    }
}
