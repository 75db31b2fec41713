package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.ClusterScopedKinds;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;

/**
 * Objects placed in the {@code default} namespace. By default only an explicit {@code namespace: default} counts:
 * rendered Helm charts and kustomize bases usually leave the namespace out and get it at deploy time
 * ({@code helm -n}, {@code kubectl -n}), so reporting every object without one would be mostly noise. The option
 * {@code includeMissingNamespace: true} also reports namespaced objects without a namespace. Known cluster-scoped
 * kinds are never reported: the API server clears the namespace a manifest gives one (a ClusterRoleBinding written
 * with {@code namespace: default} is stored without it).
 */
public final class DefaultNamespaceCheck implements Check {
    /** The policy option that also reports objects without a namespace. */
    public static final String INCLUDE_MISSING = "includeMissingNamespace";

    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-061", "Object in the default namespace",
                    Severity.LOW, Category.WORKLOAD)
            .withText("The default namespace is shared by everything that names no namespace; policies, quotas "
                    + "and RBAC are rarely tailored to it, so workloads there are separated from nothing. Only an "
                    + "explicit namespace: default is reported, since rendered charts usually get their namespace "
                    + "at deploy time; the option includeMissingNamespace: true also reports namespaced objects "
                    + "without one.",
                    "Create a namespace per application or team and set metadata.namespace (or deploy with -n).")
            .withCis("5.7.4")
            .withReferences("https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/")
            .withEquivalent("trivy", "KSV110").withEquivalent("checkov", "CKV_K8S_21")
            .withEquivalent("kube-linter", "use-namespace").withEquivalent("kubescape", "C-0061", "C-0212")
            .withOption(INCLUDE_MISSING, "true also reports namespaced objects that set no namespace (default: "
                    + "false)")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        boolean includeMissing = Boolean.parseBoolean(context.settings().option(METADATA.id(), INCLUDE_MISSING,
                "false"));
        ClusterScopedKinds scopes = ClusterScopedKinds.of(context.objects());
        return context.objects().stream()
                .filter(o -> ("default".equals(o.namespace()) && !scopes.isClusterScoped(o.kind()))
                        || (includeMissing && isNamespacedWithout(o, scopes)))
                .map(o -> finding(o, o.metadata().get("namespace"), o.kind() + " '" + o.name() + "' "
                        + (o.namespace().isEmpty() ? "sets no namespace, so it goes to the default namespace"
                        : "is placed in the default namespace")))
                .toList();
    }

    private static boolean isNamespacedWithout(final K8sObject object, final ClusterScopedKinds scopes) {
        return object.namespace().isEmpty() && !object.kind().isEmpty() && !scopes.isClusterScoped(object.kind());
    }
}
