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
 * An environment variable whose literal value is a credential: by its name (password, secret, token, API key, private
 * key, access key, credential, signing or encryption key) or by the value itself under any name (a GitHub, AWS,
 * Slack or other token, a JSON Web Token, a private key, a URL with a password, {@code PASSWORD=...} inside the
 * value). The value is never repeated in the finding. Names that point at a credential rather than hold one
 * ({@code *_FILE}, {@code *_PATH}, {@code *_NAME}, {@code *_URL}, ...), flags, placeholders and {@code $(VAR)}
 * references are not reported.
 */
public final class SecretInEnvCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-062", "Credential in a literal env value",
                    Severity.HIGH, Category.WORKLOAD)
            .withText("A credential written as a literal env value is stored in the manifest, in Git history, in "
                    + "CI logs and in the object anyone with read access to the workload can see; it cannot be "
                    + "rotated without a redeploy. Credentials are recognised by the variable's name and by the "
                    + "value itself (token formats, private keys, passwords in URLs), whatever the name.",
                    "Move the value into a Secret and reference it with env[].valueFrom.secretKeyRef (or mount "
                            + "the Secret as a file); then rotate the exposed credential.")
            .withCis("5.4.1")
            .withReferences("https://kubernetes.io/docs/concepts/configuration/secret/"
                    + "#using-secrets-as-environment-variables")
            .withEquivalent("kube-linter", "env-var-secret").withEquivalent("polaris", "sensitiveContainerEnvVar")
            .withEquivalent("kubescape", "C-0012")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return context.containers().flatMap(this::check).toList();
    }

    private Stream<Finding> check(final Container container) {
        return SecretRedaction.fields("env", container.field("env")).stream()
                .map(field -> finding(container, field.node(), "Environment variable '"
                        + field.node().parent().map(v -> v.get("name").text("")).orElse("") + "' of container '"
                        + container.name() + "' holds " + field.describe() + " as a literal value (not shown)"));
    }
}
