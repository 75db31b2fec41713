package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;

/**
 * Containers should run with a read-only root filesystem, so that an intruder cannot drop tools or change binaries.
 * Regular and init containers are checked; ephemeral debug containers and Windows pods (where the field is not
 * supported) are not.
 */
public final class ReadOnlyRootFilesystemCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-050", "Root filesystem not read-only",
                    Severity.MEDIUM, Category.WORKLOAD)
            .withText("A writable root filesystem lets a compromised process download tools, alter binaries and "
                    + "persist changes for the life of the container.",
                    "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir volume where the "
                            + "application needs to write (for instance /tmp).")
            .withCis("5.7.3")
            .withReferences("https://kubernetes.io/docs/tasks/configure-pod-container/security-context/")
            .withEquivalent("trivy", "KSV014").withEquivalent("checkov", "CKV_K8S_22")
            .withEquivalent("kube-linter", "no-read-only-root-fs")
            .withEquivalent("polaris", "notReadOnlyRootFilesystem")
            .withEquivalent("kube-score", "container-security-context-readonlyrootfilesystem")
            .withEquivalent("kubescape", "C-0017")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return context.containers()
                .filter(c -> c.type() != Container.Type.EPHEMERAL && !c.workload().isWindows())
                .filter(c -> !c.setting("readOnlyRootFilesystem").isTrue())
                .map(c -> {
                    YamlNode field = c.setting("readOnlyRootFilesystem");
                    String how = field.isPresent() ? "sets readOnlyRootFilesystem to " + field.text("a non-boolean")
                            : "does not set readOnlyRootFilesystem";
                    return finding(c, field, "Container '" + c.name() + "' " + how
                            + ", so its root filesystem is writable");
                })
                .toList();
    }
}
