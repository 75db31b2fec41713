package io.k8sgate.core.check.secrets;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.SecretRedaction;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.stream.Stream;

/**
 * A credential in a ConfigMap's {@code data}: a value under a credential key ({@code password: ...},
 * {@code api-key: ...}), a setting inside an embedded file ({@code REDIS_PASSWORD=...} in an env file,
 * {@code password: ...} in an application's YAML, {@code "secret": "..."} in JSON), a token or private key by its
 * format, or a URL with a password. One finding per data key; the value is never shown. Placeholders
 * ({@code ${DB_PASSWORD}}, templates), empty values and public certificates pass.
 */
public final class ConfigMapCredentialCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-SEC-001", "Credential in ConfigMap data",
                    Severity.HIGH, Category.SECRETS)
            .withText("ConfigMaps are not meant for confidential data: they are not encrypted at rest even where "
                    + "Secrets are, RBAC roles grant read access to them freely (view, monitoring, CI), and their "
                    + "content is shown in full by kubectl, dashboards and audit logs.",
                    "Move the credential into a Secret (mounted as a file or referenced with secretKeyRef), keep only "
                            + "a placeholder such as ${DB_PASSWORD} in the ConfigMap, and rotate the exposed "
                            + "credential.")
            .withCis("5.4.1")
            .withReferences("https://kubernetes.io/docs/concepts/configuration/configmap/",
                    "https://kubernetes.io/docs/concepts/security/secrets-good-practices/")
            .withEquivalent("trivy", "KSV109").withEquivalent("trivy", "KSV01010")
            .withEquivalent("polaris", "sensitiveConfigmapContent").withEquivalent("kubescape", "C-0012")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return context.ofKind("ConfigMap").stream().flatMap(this::check).toList();
    }

    private Stream<Finding> check(final K8sObject configMap) {
        YamlNode data = configMap.root().get("data");
        return SecretRedaction.fields("data", data).stream()
                .map(field -> finding(configMap, field.node(), "ConfigMap '" + configMap.name() + "' holds "
                        + field.describe() + " in data " + field.pathFrom(data) + " (not shown)"));
    }
}
