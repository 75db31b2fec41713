package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the Pod Security Standards checks share: the policy versions at which controls change, the exemptions
 * (Windows pods, user namespaces) and the walk over settings that exist at pod and at container level.
 *
 * <p>Versions follow the Pod Security Admission reference implementation: a control's version applies when the
 * target Kubernetes version is the same or newer.
 */
final class PodSecurity {
    /** From this version, the Restricted escalation, seccomp and capabilities controls skip Windows pods. */
    static final KubernetesVersion WINDOWS_EXEMPTION = new KubernetesVersion(1, 25);
    /** From this version, {@code hostUsers: false} relaxes runAsNonRoot, runAsUser and the baseline /proc mount. */
    static final KubernetesVersion USER_NAMESPACE_RELAXATION = new KubernetesVersion(1, 35);
    /** The Baseline profile's section of the Pod Security Standards. */
    static final String BASELINE_URL = "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline";
    /** The Restricted profile's section of the Pod Security Standards. */
    static final String RESTRICTED_URL =
            "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted";
    private static final int MAX_VALUE_LENGTH = 80;

    /**
     * A problem found in a setting.
     *
     * @param at   the node to point at
     * @param text what is wrong, without the subject (pod or container)
     */
    record Problem(YamlNode at, String text) {
        /** A problem, as an optional, for the lambdas of {@link #atPodAndContainers}. */
        static Optional<Problem> of(final YamlNode at, final String text) {
            return Optional.of(new Problem(at, text));
        }
    }

    private PodSecurity() {
    }

    /** True when the pod declares {@code os.name: windows} and the target version exempts Windows pods. */
    static boolean exemptAsWindows(final Workload workload, final KubernetesVersion target) {
        return target.isAtLeast(WINDOWS_EXEMPTION) && workload.isWindows();
    }

    /** The containers of every workload that the Windows exemption does not cover at the context's target version. */
    static Stream<Container> containersNotExemptAsWindows(final CheckContext context) {
        KubernetesVersion target = context.settings().targetKubernetesVersion();
        return context.workloads().stream().filter(w -> !exemptAsWindows(w, target))
                .flatMap(w -> w.containers().stream());
    }

    /** True when the pod runs in its own user namespace ({@code hostUsers: false}) and the version relaxes for it. */
    static boolean relaxedForUserNamespace(final Workload workload, final KubernetesVersion target) {
        return target.isAtLeast(USER_NAMESPACE_RELAXATION) && isUserNamespaced(workload);
    }

    /** True when {@code spec.hostUsers} is the boolean false (a quoted "false" is a string the API refuses). */
    static boolean isUserNamespaced(final Workload workload) {
        return workload.podField("hostUsers").bool().filter(b -> !b).isPresent();
    }

    /** How a container is named in messages: {@code container 'app'}, {@code init container 'setup'}, ... */
    static String describe(final Container container) {
        String kind = switch (container.type()) {
            case INIT -> "Init container";
            case EPHEMERAL -> "Ephemeral container";
            case CONTAINER -> "Container";
        };
        return kind + " '" + container.name() + "'";
    }

    /** A scalar value for a message: in quotes, shortened; non-scalars are described by their shape. */
    static String value(final YamlNode node) {
        if (node.isScalar()) {
            String text = node.text("");
            String shown = text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) + "..." : text;
            return "'" + shown + "'";
        }
        return node.isMissing() ? "unset" : node.type().name().toLowerCase(Locale.ROOT);
    }

    /**
     * A value for a message about a boolean field: a quoted {@code "true"} or {@code "false"} is said to be a string,
     * since the API accepts only booleans there.
     */
    static String booleanValue(final YamlNode node) {
        return node.isScalar() && node.bool().isEmpty() ? value(node) + " (a string, not a boolean)" : value(node);
    }

    /**
     * Findings for a setting that may be written in the pod's {@code securityContext} and in each container's: every
     * place where {@code problem} reports something yields one finding at that place.
     *
     * @param check   the reporting check
     * @param w       the workload
     * @param problem the problem with a present value (such as {@code "seccompProfile.type is 'Unconfined'"}), or
     *                empty when the value is allowed
     * @param path    the field below {@code securityContext}
     */
    static List<Finding> atPodAndContainers(final Check check, final Workload w,
            final Function<YamlNode, Optional<Problem>> problem, final String... path) {
        List<Finding> found = new ArrayList<>();
        YamlNode pod = w.podSetting(path);
        if (pod.isPresent()) {
            problem.apply(pod).ifPresent(p -> found.add(check.finding(w.object(), p.at(),
                    "Pod securityContext: " + p.text())));
        }
        for (Container c : w.containers()) {
            YamlNode own = c.setting(path);
            if (own.isPresent()) {
                problem.apply(own).ifPresent(p -> found.add(check.finding(c, p.at(), describe(c) + ": " + p.text())));
            }
        }
        return found;
    }

    /** The entries of a container's {@code securityContext.capabilities.add}. */
    static List<YamlNode> addedCapabilities(final Container container) {
        return container.setting("capabilities", "add").elements();
    }

    /** The container's {@code procMount} when it is set to anything but {@code Default}. */
    static Optional<YamlNode> unmaskedProcMount(final Container container) {
        YamlNode procMount = container.setting("procMount");
        return procMount.isPresent() && !"Default".equals(procMount.text("")) ? Optional.of(procMount)
                : Optional.empty();
    }

    /**
     * Findings for a setting the Restricted profile requires (runAsNonRoot, seccompProfile): a bad pod-level value is
     * one finding; a container's own bad value is one finding; a container that sets nothing fails when its
     * effective value (its own, else the pod's) is unset too. A container that inherits a bad pod value is covered by
     * the pod's finding.
     *
     * @param check    the reporting check
     * @param w        the workload
     * @param field    the field of {@code securityContext}
     * @param good     whether a present value satisfies the control
     * @param reportAt the node inside a present value to point at (the value itself, or a sub-field)
     * @param problem  what is wrong with a present, bad value
     * @param missing  what to say about a container that sets nothing while the pod does not either
     */
    static List<Finding> required(final Check check, final Workload w, final String field,
            final Predicate<YamlNode> good, final Function<YamlNode, YamlNode> reportAt,
            final Function<YamlNode, String> problem, final String missing) {
        List<Finding> found = new ArrayList<>();
        YamlNode pod = w.podSetting(field);
        if (pod.isPresent() && !good.test(pod)) {
            found.add(check.finding(w.object(), reportAt.apply(pod), "Pod securityContext: " + problem.apply(pod)));
        }
        for (Container c : w.containers()) {
            YamlNode own = c.setting(field);
            if (own.isPresent()) {
                if (!good.test(own)) {
                    found.add(check.finding(c, reportAt.apply(own), describe(c) + ": " + problem.apply(own)));
                }
            } else if (c.effective(field).isUnset()) {
                found.add(check.finding(c, own, describe(c) + " " + missing));
            }
        }
        return found;
    }

    /** A finding for every workload whose pod spec sets the boolean {@code field} (hostNetwork, ...) to true. */
    static List<Finding> hostNamespace(final Check check, final CheckContext context, final String field,
            final String what) {
        List<Finding> found = new ArrayList<>();
        for (Workload w : context.workloads()) {
            YamlNode flag = w.podSpec().get(field);
            if (flag.isTrue()) {
                found.add(check.finding(w.object(), flag, "Pod shares the node's " + what + " (" + field + ": "
                        + flag.text("") + ")"));
            }
        }
        return found;
    }
}
