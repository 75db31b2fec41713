package io.k8sgate.core.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names of the {@link Finding#properties() finding properties} the reports understand. Checks that set them get the
 * dedicated report sections: vulnerabilities grouped by image, risky RBAC subjects with their escalation paths. Any
 * other property is shown as a plain name and value next to the finding.
 */
public final class FindingProperties {
    /** The image a vulnerability was found in, as written in the scan report. Groups IMAGE findings by image. */
    public static final String IMAGE = "image";
    /**
     * What a scan that is not of a deployed image scanned (a directory, a repository, an SBOM, a disk image), as the
     * report names it. Groups the vulnerabilities of such scans.
     */
    public static final String ARTIFACT = "artifact";
    /** The vulnerability id ({@code CVE-2024-1234}, {@code GHSA-...}). */
    public static final String VULNERABILITY_ID = "vulnerabilityId";
    /** The vulnerable package. */
    public static final String PACKAGE = "package";
    /** The package version in the image. */
    public static final String INSTALLED_VERSION = "installedVersion";
    /** The first version that fixes the vulnerability; absent or empty when there is no fix. */
    public static final String FIXED_VERSION = "fixedVersion";
    /** The workloads that deploy the image, {@link ResourceRef#display()} values joined by {@link #SEPARATOR}. */
    public static final String WORKLOADS = "workloads";
    /**
     * The RBAC subject ({@code ServiceAccount/ns/name}, {@code Group/name}, {@code User/name}). Groups RBAC findings.
     */
    public static final String SUBJECT = "subject";
    /** The binding that grants the permission ({@code ClusterRoleBinding/name}). */
    public static final String BINDING = "binding";
    /** The role the binding refers to ({@code ClusterRole/name}). */
    public static final String ROLE = "role";
    /** How the subject gets to the dangerous permission: steps joined by {@link #PATH_STEP}. */
    public static final String ESCALATION_PATH = "escalationPath";
    /**
     * For an object that was rendered (a chart or kustomization): where the finding is in the rendered output, as the
     * command that reproduces that output and the line in it. The finding's own file and line name the template, base
     * or patch a person edits.
     */
    public static final String RENDERED = "rendered";
    /** For a rendered object: the chart or kustomization that produced it ({@link RenderedSource#describe()}). */
    public static final String PRODUCED_BY = "producedBy";
    /** For a Helm hook: the value of its {@code helm.sh/hook} annotation ({@code pre-install,pre-upgrade}). */
    public static final String HELM_HOOK = "helmHook";
    /** The ValidatingAdmissionPolicy a finding comes from. */
    public static final String ADMISSION_POLICY = "admissionPolicy";
    /** The ValidatingAdmissionPolicyBinding that applied the policy. */
    public static final String ADMISSION_BINDING = "admissionBinding";
    /** The binding's validationActions ({@code Deny}, {@code Warn}, {@code Audit}), joined by {@link #SEPARATOR}. */
    public static final String VALIDATION_ACTIONS = "validationActions";
    /** The status reason the API server would give ({@code Invalid}, {@code Forbidden}, ...). */
    public static final String ADMISSION_REASON = "reason";
    /** The params object the policy was evaluated with ({@code ConfigMap/ns/name}). */
    public static final String ADMISSION_PARAMS = "params";
    /**
     * {@value #ADVISORY} when a finding only warns, whatever its severity: the cluster would admit the object with a
     * warning (validationActions Warn or Audit without Deny). The policy then never fails the gate on it.
     */
    public static final String ENFORCEMENT = "enforcement";
    /** The value of {@link #ENFORCEMENT} for findings that only warn. */
    public static final String ADVISORY = "warn";
    /**
     * The ids of the checks whose findings on the same item this finding replaces ({@link CheckOverride}), joined by
     * {@link #SEPARATOR}: the item violates them too, and they are not reported again for it.
     */
    public static final String ALSO_VIOLATES = "alsoViolates";
    /**
     * The ids of the narrower checks whose findings the permissions a root-cause RBAC finding implies answer
     * (everything, a wildcard), joined by {@link #SEPARATOR}.
     */
    public static final String IMPLIED_CHECKS = "impliedChecks";
    /** Joins list values such as {@link #WORKLOADS}. */
    public static final String SEPARATOR = ", ";
    /** Joins the steps of an {@link #ESCALATION_PATH}. */
    public static final String PATH_STEP = " -> ";

    private FindingProperties() {
    }

    /**
     * The check ids a finding answers: its own, those of the checks whose findings on the same item it replaces
     * ({@link #ALSO_VIOLATES}) and, for an RBAC root cause, those of the narrower checks whose permissions it names as
     * implied ({@link #IMPLIED_CHECKS}). A peer's rule that one of them answers is answered by the finding.
     */
    public static Set<String> answeredChecks(final Finding finding) {
        Set<String> out = new LinkedHashSet<>();
        out.add(finding.checkId());
        out.addAll(ids(finding, ALSO_VIOLATES));
        out.addAll(ids(finding, IMPLIED_CHECKS));
        return out;
    }

    /** The check ids a list property holds, in order; empty when the finding has none. */
    public static List<String> ids(final Finding finding, final String property) {
        String value = finding.properties().getOrDefault(property, "");
        return value.isEmpty() ? List.of() : List.of(value.split(SEPARATOR));
    }

    /** True when the finding only warns (see {@link #ENFORCEMENT}). */
    public static boolean isAdvisory(final Finding finding) {
        return ADVISORY.equals(finding.properties().get(ENFORCEMENT));
    }
}
