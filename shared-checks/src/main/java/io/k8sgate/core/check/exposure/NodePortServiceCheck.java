package io.k8sgate.core.check.exposure;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;

/**
 * A Service of type NodePort opens its port on every node of the cluster; the finding names the workloads behind it.
 */
public final class NodePortServiceCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-NET-001", "Service of type NodePort",
                    Severity.MEDIUM, Category.EXPOSURE)
            .withText("A NodePort Service listens on a port of every node, bypassing ingress controllers and load "
                    + "balancer firewalls; whoever reaches any node's address reaches the pods.",
                    "Use type ClusterIP behind an Ingress or Gateway, or a LoadBalancer restricted with "
                            + "loadBalancerSourceRanges.")
            .withReferences("https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport")
            .withEquivalent("kube-linter", "exposed-services").withEquivalent("kube-score", "service-type")
            .withEquivalent("kubescape", "C-0256");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        ServiceBackends backends = ServiceBackends.of(context);
        return Services.ofType(context, "NodePort")
                .map(s -> ServiceBackends.exposing(this, s, s.root().path("spec", "type"), "Service '" + s.name()
                        + "' is of type NodePort and opens its ports on every node", backends.behindService(s)))
                .toList();
    }
}
