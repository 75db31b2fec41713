package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * PSS Baseline "Sysctls": {@code spec.securityContext.sysctls[*].name} may only name the namespaced, safe sysctls of
 * the allow-list, which grows with the target Kubernetes version (v1.27, v1.29, v1.32, v1.37). One finding per
 * offending entry, at its {@code name}.
 */
public final class UnsafeSysctlCheck implements Check {
    /** The names each policy version adds to the allow-list (the list is cumulative). */
    private static final Map<KubernetesVersion, Set<String>> ADDED = new TreeMap<>(Map.of(
            new KubernetesVersion(1, 0), Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
                    "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range"),
            new KubernetesVersion(1, 27), Set.of("net.ipv4.ip_local_reserved_ports"),
            new KubernetesVersion(1, 29), Set.of("net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
                    "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"),
            new KubernetesVersion(1, 32), Set.of("net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"),
            new KubernetesVersion(1, 37), Set.of("net.ipv4.tcp_slow_start_after_idle",
                    "net.ipv4.tcp_notsent_lowat")));

    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-012", "Unsafe sysctl", Severity.HIGH,
                    Category.WORKLOAD)
            .withText("Sysctls outside the safe set are not isolated per pod, or can exhaust or reconfigure the "
                    + "node's kernel for every other workload on it.",
                    "Remove the sysctl from spec.securityContext.sysctls, or tune it on the nodes instead.")
            .withPss(PssLevel.BASELINE).withCis("5.7.3")
            .withReferences(PodSecurity.BASELINE_URL,
                    "https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/")
            .withEquivalent("trivy", "KSV026").withEquivalent("kube-linter", "unsafe-sysctls")
            .withEquivalent("kubescape", "C-0211")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        KubernetesVersion target = context.settings().targetKubernetesVersion();
        Set<String> allowed = allowed(target);
        List<Finding> found = new ArrayList<>();
        for (Workload w : context.workloads()) {
            for (YamlNode sysctl : w.podSecurityContext().get("sysctls").elements()) {
                YamlNode name = sysctl.get("name");
                if (!allowed.contains(name.text(""))) {
                    found.add(finding(w.object(), name, "Pod sets sysctl " + PodSecurity.value(name)
                            + ", which is not in the safe set of Kubernetes " + target));
                }
            }
        }
        return found;
    }

    /** The allow-list of a policy version. */
    static Set<String> allowed(final KubernetesVersion target) {
        Set<String> names = new HashSet<>();
        ADDED.forEach((since, added) -> {
            if (target.isAtLeast(since)) {
                names.addAll(added);
            }
        });
        return names;
    }
}
