package io.k8sgate.core.check.exposure;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Port 22 (SSH) exposed: by a Service ({@code port} or numeric {@code targetPort}) or by a container
 * ({@code containerPort} or {@code hostPort}). Only TCP counts, the protocol SSH uses; an unset protocol is TCP.
 */
public final class SshPortCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-NET-003", "SSH port 22 exposed", Severity.MEDIUM,
                    Category.EXPOSURE)
            .withText("An SSH server in a container is a second way in that bypasses the cluster's access control "
                    + "and audit, and a classic target for password guessing.",
                    "Remove the SSH server and the port; use kubectl exec or ephemeral debug containers, which go "
                            + "through the API server's authentication, RBAC and audit log.")
            .withReferences("https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/")
            .withEquivalent("kube-linter", "ssh-port").withEquivalent("kubescape", "C-0042")
            .withObjectScope();

    private static final long SSH = 22;

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        Stream<Finding> services = Services.all(context).flatMap(this::service);
        Stream<Finding> containers = context.containers().flatMap(this::container);
        return Stream.concat(services, containers).toList();
    }

    private Stream<Finding> service(final K8sObject service) {
        return service.root().path("spec", "ports").elements().stream()
                .filter(SshPortCheck::isTcp)
                .flatMap(port -> Stream.of(port.get("port"), port.get("targetPort"))
                        .filter(SshPortCheck::isSsh).limit(1))
                .map(node -> finding(service, node, "Service '" + service.name() + "' exposes port 22 (SSH)"));
    }

    private Stream<Finding> container(final Container container) {
        return container.field("ports").elements().stream()
                .filter(SshPortCheck::isTcp)
                .flatMap(port -> Stream.of(port.get("containerPort"), port.get("hostPort"))
                        .filter(SshPortCheck::isSsh).limit(1))
                .map(node -> finding(container, node, "Container '" + container.name()
                        + "' exposes port 22 (SSH)"));
    }

    private static boolean isSsh(final YamlNode port) {
        return port.number().orElse(-1) == SSH;
    }

    private static boolean isTcp(final YamlNode port) {
        return "TCP".equals(port.get("protocol").text("TCP").toUpperCase(Locale.ROOT));
    }
}
