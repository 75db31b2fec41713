package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.SecretRedaction;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.stream.Stream;

/**
 * A credential written into a container's specification outside its environment: in {@code command} or {@code args}
 * ({@code --db-password=...}, {@code ["--token", "..."]}, a token in a shell script), in the commands and HTTP headers
 * of probes and lifecycle hooks ({@code Authorization: Bearer ...}), or anywhere else in the container. Credentials
 * are recognised as in {@link SecretInEnvCheck}, which covers {@code env}; the value is never repeated.
 */
public final class CredentialInCommandCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-064",
                    "Credential in a container's command, arguments or probes", Severity.HIGH, Category.WORKLOAD)
            .withText("A credential on a container's command line or in a probe is stored in the manifest and in "
                    + "Git history, shown to anyone who can read the workload, and visible in the process list of "
                    + "the node (ps, /proc/PID/cmdline) to every process that can see it.",
                    "Move the credential into a Secret, mount it as a file (or reference it as an environment "
                            + "variable with valueFrom.secretKeyRef and pass $(VAR) on the command line only when "
                            + "the program cannot read a file); then rotate the exposed credential.")
            .withCis("5.4.1")
            .withReferences("https://kubernetes.io/docs/concepts/configuration/secret/#using-a-secret",
                    "https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/")
            .withObjectScope();
    /**
     * The fields of a container that carry free text: the rest (image, ports, resources, security context, mounts)
     * are constrained by the API and hold no credential.
     */
    private static final List<String> FIELDS = List.of("command", "args", "lifecycle", "livenessProbe",
            "readinessProbe", "startupProbe");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return context.containers().flatMap(this::check).toList();
    }

    private Stream<Finding> check(final Container container) {
        return FIELDS.stream()
                .flatMap(field -> SecretRedaction.fields(field, container.field(field)).stream())
                .map(field -> finding(container, field.node(), "Container '" + container.name() + "' has "
                        + field.describe() + " in " + field.pathFrom(container.node()) + " (not shown)"));
    }
}
