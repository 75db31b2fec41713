package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * PSS Baseline "Host Probes / Lifecycle Hooks" (Kubernetes v1.34+): the {@code host} of an {@code httpGet} or
 * {@code tcpSocket} handler in a liveness, readiness or startup probe or in a postStart or preStop hook must be unset
 * or empty, so that the kubelet only connects to the pod itself. For a target below v1.34 the control does not exist
 * and nothing is reported.
 */
public final class HostProbeCheck implements Check {
    /** The first version with this control. */
    static final KubernetesVersion SINCE = new KubernetesVersion(1, 34);
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
    private static final List<String> HOOKS = List.of("postStart", "preStop");
    private static final List<String> HANDLERS = List.of("httpGet", "tcpSocket");

    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-014", "Probe or lifecycle hook with a host",
                    Severity.HIGH, Category.WORKLOAD)
            .withText("A probe or lifecycle hook with a host makes the kubelet connect to an address of the "
                    + "manifest's choosing from the node: a way to reach node-local or internal services "
                    + "(server-side request forgery through the kubelet).",
                    "Remove the host field of the probe or hook; the kubelet then connects to the pod's own IP.")
            .withPss(PssLevel.BASELINE)
            .withReferences(PodSecurity.BASELINE_URL)
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        if (!context.settings().targetKubernetesVersion().isAtLeast(SINCE)) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        context.containers().forEach(c -> {
            PROBES.forEach(probe -> found.addAll(hosts(c, probe, c.field(probe))));
            HOOKS.forEach(hook -> found.addAll(hosts(c, "lifecycle." + hook, c.field("lifecycle", hook))));
        });
        return found;
    }

    private List<Finding> hosts(final Container c, final String name, final YamlNode handlers) {
        List<Finding> found = new ArrayList<>();
        for (String handler : HANDLERS) {
            YamlNode host = handlers.path(handler, "host");
            if (host.isPresent() && !(host.isScalar() && host.text("").isEmpty())) {
                found.add(finding(c, host, PodSecurity.describe(c) + ": " + name + "." + handler + ".host is "
                        + PodSecurity.value(host)));
            }
        }
        return found;
    }
}
