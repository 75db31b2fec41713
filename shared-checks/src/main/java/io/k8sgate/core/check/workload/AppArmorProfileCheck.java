package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.workload.PodSecurity.Problem;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PSS Baseline "AppArmor": the default profile may not be overridden with an unconfined one. Two forms are read, as
 * the admission controller does: the {@code appArmorProfile.type} field (pod and container level), which must be
 * unset, {@code RuntimeDefault} or {@code Localhost}; and the older pod annotations
 * {@code container.apparmor.security.beta.kubernetes.io/<container>}, which must be empty, {@code runtime/default} or
 * {@code localhost/<profile>}. Leaving AppArmor unset is allowed (the runtime default applies).
 */
public final class AppArmorProfileCheck implements Check {
    private static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
    private static final Set<String> ALLOWED_TYPES = Set.of("RuntimeDefault", "Localhost");

    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-008", "AppArmor profile disabled",
                    Severity.HIGH, Category.WORKLOAD)
            .withText("Running a container unconfined removes the AppArmor profile the runtime applies by default, "
                    + "which blocks writes to /proc and /sys, mounts and raw access to kernel interfaces.",
                    "Remove the Unconfined AppArmor setting, or set appArmorProfile.type to RuntimeDefault (or "
                            + "Localhost with a profile loaded on the nodes).")
            .withPss(PssLevel.BASELINE).withCis("5.7.3")
            .withReferences(PodSecurity.BASELINE_URL,
                    "https://kubernetes.io/docs/tutorials/security/apparmor/")
            .withEquivalent("trivy", "KSV002")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        List<Finding> found = new ArrayList<>();
        for (Workload w : context.workloads()) {
            found.addAll(PodSecurity.atPodAndContainers(this, w, AppArmorProfileCheck::fieldProblem,
                    "appArmorProfile"));
            for (Map.Entry<String, YamlNode> e : w.podMetadata().get("annotations").entries().entrySet()) {
                String value = e.getValue().text("");
                if (e.getKey().startsWith(ANNOTATION_PREFIX) && !allowedAnnotation(value)) {
                    String container = e.getKey().substring(ANNOTATION_PREFIX.length());
                    found.add(Finding.of(METADATA, w.ref(), container, e.getValue().location(),
                            e.getValue().fieldPath(), "Annotation sets the AppArmor profile of container '"
                                    + container + "' to " + PodSecurity.value(e.getValue())));
                }
            }
        }
        return found;
    }

    private static Optional<Problem> fieldProblem(final YamlNode profile) {
        YamlNode type = profile.get("type");
        return ALLOWED_TYPES.contains(type.text("")) ? Optional.empty()
                : Problem.of(type, "appArmorProfile.type is " + PodSecurity.value(type));
    }

    private static boolean allowedAnnotation(final String value) {
        return value.isEmpty() || "runtime/default".equals(value) || value.startsWith("localhost/");
    }
}
