package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Pods should not get an API token they do not ask for. The pod's own {@code automountServiceAccountToken} wins;
 * when it is not set, the pod inherits the field of its ServiceAccount, which is looked up in the inputs (same
 * namespace, same name). A ServiceAccount that is not in the inputs cannot be vouched for, so the pod is reported.
 */
public final class AutomountServiceAccountTokenCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-060", "Service account token mounted",
                    Severity.MEDIUM, Category.WORKLOAD)
            .withText("Kubernetes mounts an API token into every pod unless told otherwise. Anyone who gets code "
                    + "execution in the pod can use it to call the API server with the service account's "
                    + "permissions.",
                    "Set automountServiceAccountToken: false in the pod spec (or on its ServiceAccount); pods that "
                            + "do call the API server should use a dedicated service account with minimal RBAC "
                            + "and set the field to true explicitly, with an exemption stating why.")
            .withCis("5.1.6")
            .withReferences("https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/"
                    + "#opt-out-of-api-credential-automounting")
            .withEquivalent("trivy", "KSV036").withEquivalent("checkov", "CKV_K8S_38")
            .withEquivalent("polaris", "automountServiceAccountToken")
            .withEquivalent("kubescape", "C-0034", "C-0190", "C-0261");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        Map<String, K8sObject> accounts = new HashMap<>();
        for (K8sObject sa : context.ofKind("ServiceAccount")) {
            if (sa.apiGroup().isEmpty()) {
                accounts.putIfAbsent(key(sa.namespace().isEmpty() ? "default" : sa.namespace(), sa.name()), sa);
            }
        }
        return context.workloads().stream().filter(Workload::runsContainers).flatMap(w -> check(context, accounts, w))
                .toList();
    }

    private static String key(final String namespace, final String name) {
        return namespace + "/" + name;
    }

    private Stream<Finding> check(final CheckContext context, final Map<String, K8sObject> accounts,
            final Workload workload) {
        YamlNode field = workload.podField("automountServiceAccountToken");
        Optional<Boolean> own = field.bool();
        if (own.isPresent()) {
            return own.get() ? Stream.of(finding(workload.object(), field, kindName(workload)
                    + " sets automountServiceAccountToken: true")) : Stream.empty();
        }
        if (field.isPresent()) {
            return Stream.of(finding(workload.object(), field, kindName(workload)
                    + " sets automountServiceAccountToken to a value that is not the boolean false"));
        }
        String account = workload.serviceAccountName();
        Optional<K8sObject> serviceAccount = Optional.ofNullable(accounts.get(key(workload.namespace(), account)));
        if (serviceAccount.isEmpty()) {
            return Stream.of(finding(workload.object(), field, kindName(workload) + " does not set "
                    + "automountServiceAccountToken: false, and its service account '" + account
                    + "' is not among the inputs, so the token is mounted by default"));
        }
        if (serviceAccount.get().root().get("automountServiceAccountToken").bool().orElse(true)) {
            return Stream.of(finding(workload.object(), field, kindName(workload) + " does not set "
                    + "automountServiceAccountToken: false and inherits the token from service account '" + account
                    + "' (" + context.cite(serviceAccount.get()) + "), which does not disable it either"));
        }
        return Stream.empty();
    }

    private static String kindName(final Workload workload) {
        return workload.kind() + " '" + workload.object().name() + "'";
    }
}
