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
 * A credential in an annotation of any object or of a pod template: a value under a credential key
 * ({@code example.com/db-password}), a token or private key by its format, a URL with a password. Keys that point at
 * a credential ({@code ...-secret-name}, {@code checksum/secret}) pass; the kubectl last-applied annotation is a copy
 * of the object, whose fields the other checks read. The value is never shown.
 */
public final class AnnotationCredentialCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-SEC-002", "Credential in an annotation",
                    Severity.HIGH, Category.SECRETS)
            .withText("Annotations are readable by everyone who can read the object, copied into events, audit "
                    + "logs and tools' caches, and never encrypted at rest: a credential there is exposed as soon as "
                    + "the object is applied.",
                    "Keep the credential in a Secret and let the controller that reads the annotation reference the "
                            + "Secret (most take a Secret name); then rotate the exposed credential.")
            .withReferences("https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/",
                    "https://kubernetes.io/docs/concepts/security/secrets-good-practices/")
            .withObjectScope();
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        Stream<Finding> objects = context.objects().stream().flatMap(o -> check(o, o.metadata(), "its"));
        Stream<Finding> templates = context.workloads().stream()
                .filter(w -> !w.podMetadata().equals(w.object().metadata()))
                .flatMap(w -> check(w.object(), w.podMetadata(), "its pod template's"));
        return Stream.concat(objects, templates).toList();
    }

    private Stream<Finding> check(final K8sObject object, final YamlNode metadata, final String whose) {
        YamlNode annotations = metadata.get("annotations");
        if (annotations.size() == 0) {
            return Stream.empty();
        }
        return annotations.entries().entrySet().stream()
                .filter(e -> !e.getKey().equals(LAST_APPLIED))
                .flatMap(e -> SecretRedaction.fields(e.getKey(), e.getValue()).stream()
                        .map(field -> finding(object, field.node(), object.kind() + " '" + object.name() + "' holds "
                                + field.describe() + " in " + whose + " annotation '" + e.getKey()
                                + "' (not shown)")));
    }
}
