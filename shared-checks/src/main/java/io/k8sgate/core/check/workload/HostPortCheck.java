package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
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
 * PSS Baseline "Host Ports": {@code ports[*].hostPort} of every container must be unset or 0. One finding per port
 * entry, at its {@code hostPort}. The built-in admission has no allow-list, so neither has this check; exempt the
 * workload instead.
 */
public final class HostPortCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-006", "Host port", Severity.HIGH,
                    Category.WORKLOAD)
            .withText("A host port binds the container to a port of the node's own interfaces: it bypasses "
                    + "NetworkPolicies and Services, limits scheduling to one pod per node and exposes the "
                    + "workload wherever the node is reachable.",
                    "Remove hostPort (keep containerPort) and expose the pod through a Service.")
            .withPss(PssLevel.BASELINE).withCis("5.2.13")
            .withReferences(PodSecurity.BASELINE_URL)
            .withEquivalent("trivy", "KSV024").withEquivalent("checkov", "CKV_K8S_26")
            .withEquivalent("polaris", "hostPortSet").withEquivalent("kubescape", "C-0044")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        List<Finding> found = new ArrayList<>();
        context.containers().forEach(c -> {
            for (YamlNode port : c.field("ports").elements()) {
                YamlNode hostPort = port.get("hostPort");
                if (hostPort.isPresent() && hostPort.number().orElse(-1) != 0) {
                    found.add(finding(c, hostPort, message(c, hostPort)));
                }
            }
        });
        return found;
    }

    private static String message(final Container c, final YamlNode hostPort) {
        return PodSecurity.describe(c) + " binds host port " + PodSecurity.value(hostPort);
    }
}
