package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.check.workload.PodSecurity.Problem;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PSS Baseline "SELinux": in {@code seLinuxOptions} (pod and container level) the {@code type} must be empty or one
 * of the container types, and {@code user} and {@code role} must be empty; {@code level} is free. The allowed types
 * depend on the target Kubernetes version: {@code container_engine_t} from v1.31 on. One finding per offending field.
 */
public final class SeLinuxOptionsCheck implements Check {
    /** The version from which {@code container_engine_t} is allowed. */
    static final KubernetesVersion ENGINE_TYPE_SINCE = new KubernetesVersion(1, 31);
    private static final Set<String> TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t");

    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-009", "Custom SELinux options", Severity.HIGH,
                    Category.WORKLOAD)
            .withText("A custom SELinux type, user or role can give the container a label with the access of host "
                    + "processes (spc_t, unconfined_t), disabling the isolation SELinux provides.",
                    "Remove seLinuxOptions.user and seLinuxOptions.role, and leave seLinuxOptions.type unset or use "
                            + "container_t, container_init_t, container_kvm_t (or container_engine_t from Kubernetes "
                            + "1.31); seLinuxOptions.level may be set freely.")
            .withPss(PssLevel.BASELINE).withCis("5.7.3")
            .withReferences(PodSecurity.BASELINE_URL)
            .withEquivalent("trivy", "KSV025").withEquivalent("kubescape", "C-0211")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        boolean engineAllowed = context.settings().targetKubernetesVersion().isAtLeast(ENGINE_TYPE_SINCE);
        List<Finding> found = new ArrayList<>();
        for (Workload w : context.workloads()) {
            found.addAll(PodSecurity.atPodAndContainers(this, w, type -> typeProblem(type, engineAllowed),
                    "seLinuxOptions", "type"));
            for (String field : List.of("user", "role")) {
                found.addAll(PodSecurity.atPodAndContainers(this, w, value -> mustBeEmpty(value, field),
                        "seLinuxOptions", field));
            }
        }
        return found;
    }

    private static Optional<Problem> typeProblem(final YamlNode type, final boolean engineAllowed) {
        String value = type.text("");
        if (TYPES.contains(value) || (engineAllowed && "container_engine_t".equals(value))) {
            return Optional.empty();
        }
        return Problem.of(type, "seLinuxOptions.type is " + PodSecurity.value(type));
    }

    private static Optional<Problem> mustBeEmpty(final YamlNode value, final String field) {
        return value.isScalar() && value.text("").isEmpty() ? Optional.empty()
                : Problem.of(value, "seLinuxOptions." + field + " is " + PodSecurity.value(value));
    }
}
