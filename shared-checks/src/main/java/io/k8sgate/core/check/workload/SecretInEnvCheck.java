package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.SecretRedaction;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An environment variable whose name says it holds a credential (password, secret, token, API key, private key,
 * access key, credential, signing or encryption key) and whose value is written literally in the manifest, or whose
 * literal value is a URL with an embedded password. The value is never repeated in the
 * finding. Names that point at a credential rather than hold one ({@code *_FILE}, {@code *_PATH}, {@code *_NAME},
 * {@code *_URL}, ...), flags and {@code $(VAR)} references are not reported.
 */
public final class SecretInEnvCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-062", "Credential in a literal env value",
                    Severity.HIGH, Category.WORKLOAD)
            .withText("A credential written as a literal env value is stored in the manifest, in Git history, in "
                    + "CI logs and in the object anyone with read access to the workload can see; it cannot be "
                    + "rotated without a redeploy.",
                    "Move the value into a Secret and reference it with env[].valueFrom.secretKeyRef (or mount "
                            + "the Secret as a file); then rotate the exposed credential.")
            .withCis("5.4.1")
            .withReferences("https://kubernetes.io/docs/concepts/configuration/secret/"
                    + "#using-secrets-as-environment-variables")
            .withEquivalent("kube-linter", "env-var-secret").withEquivalent("polaris", "sensitiveContainerEnvVar")
            .withEquivalent("kubescape", "C-0012")
            .withObjectScope();

    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\([A-Za-z_][A-Za-z0-9_.-]*\\)");
    private static final Set<String> FLAGS = Set.of("true", "false", "yes", "no", "on", "off");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return context.containers().flatMap(this::check).toList();
    }

    private Stream<Finding> check(final Container container) {
        return container.node().get("env").elements().stream()
                .filter(env -> isLiteral(env.get("value")))
                .flatMap(env -> reason(env.get("name").text(""), env.get("value").text("")).stream()
                        .map(why -> finding(container, env.get("value"), "Environment variable '"
                                + env.get("name").text("") + "' of container '" + container.name()
                                + "' holds a literal value (not shown); " + why)));
    }

    private static Optional<String> reason(final String name, final String value) {
        if (looksLikeCredential(name)) {
            return Optional.of("its name suggests a credential");
        }
        if (SecretRedaction.hasEmbeddedPassword(value)) {
            return Optional.of("it is a URL with an embedded password");
        }
        return Optional.empty();
    }

    /** The shared notion of credential names, so that baselines redact exactly what this check reports. */
    static boolean looksLikeCredential(final String name) {
        return SecretRedaction.isSecretLookingName(name);
    }

    private static boolean isLiteral(final YamlNode value) {
        String text = value.text("").trim();
        return !text.isEmpty() && !FLAGS.contains(text.toLowerCase(Locale.ROOT))
                && !VARIABLE_REFERENCE.matcher(text).matches();
    }
}
