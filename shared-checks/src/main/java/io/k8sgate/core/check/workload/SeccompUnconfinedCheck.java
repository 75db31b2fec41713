package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.check.workload.PodSecurity.Problem;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PSS Baseline "Seccomp": a seccomp profile, where one is set, must be {@code RuntimeDefault} or {@code Localhost}
 * ({@code Unconfined} is the case that matters). Leaving it unset is a Baseline pass; the Restricted profile
 * requires it, see {@link SeccompProfileCheck}. For a target Kubernetes version before v1.19 the control reads the
 * annotations of that time instead ({@code seccomp.security.alpha.kubernetes.io/pod} and
 * {@code container.seccomp.security.alpha.kubernetes.io/<container>}).
 */
public final class SeccompUnconfinedCheck implements Check {
    /** The version from which the {@code seccompProfile} fields, not the annotations, are checked. */
    static final KubernetesVersion FIELDS_SINCE = new KubernetesVersion(1, 19);
    /** The profile types that keep a seccomp filter in place. */
    static final Set<String> CONFINED = Set.of("RuntimeDefault", "Localhost");
    private static final String POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
    private static final String CONTAINER_ANNOTATION = "container.seccomp.security.alpha.kubernetes.io/";

    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-011", "Seccomp profile disabled",
                    Severity.HIGH, Category.WORKLOAD)
            .withText("An Unconfined seccomp profile lets the container call every system call of the kernel, "
                    + "including the rarely used ones behind most container escapes.",
                    "Set seccompProfile.type to RuntimeDefault (or Localhost with a profile installed on the "
                            + "nodes), at pod level to cover every container.")
            .withPss(PssLevel.BASELINE).withCis("5.7.2")
            .withReferences(PodSecurity.BASELINE_URL, "https://kubernetes.io/docs/tutorials/security/seccomp/")
            .withEquivalent("trivy", "KSV104")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        boolean fields = context.settings().targetKubernetesVersion().isAtLeast(FIELDS_SINCE);
        List<Finding> found = new ArrayList<>();
        for (Workload w : context.workloads()) {
            if (fields) {
                found.addAll(PodSecurity.atPodAndContainers(this, w, SeccompUnconfinedCheck::fieldProblem,
                        "seccompProfile"));
            } else {
                found.addAll(annotationFindings(w));
            }
        }
        return found;
    }

    private static Optional<Problem> fieldProblem(final YamlNode profile) {
        YamlNode type = profile.get("type");
        return CONFINED.contains(type.text("")) ? Optional.empty()
                : Problem.of(type, "seccompProfile.type is " + PodSecurity.value(type));
    }

    private List<Finding> annotationFindings(final Workload w) {
        List<Finding> found = new ArrayList<>();
        YamlNode annotations = w.podMetadata().get("annotations");
        YamlNode pod = annotations.get(POD_ANNOTATION);
        if (pod.isPresent() && !allowedAnnotation(pod.text(""))) {
            found.add(finding(w.object(), pod, "Pod seccomp annotation is " + PodSecurity.value(pod)));
        }
        for (Container c : w.containers()) {
            YamlNode own = annotations.get(CONTAINER_ANNOTATION + c.name());
            if (own.isPresent() && !allowedAnnotation(own.text(""))) {
                found.add(finding(c, own, PodSecurity.describe(c) + ": seccomp annotation is "
                        + PodSecurity.value(own)));
            }
        }
        return found;
    }

    private static boolean allowedAnnotation(final String value) {
        return "runtime/default".equals(value) || "docker/default".equals(value) || value.startsWith("localhost/");
    }
}
