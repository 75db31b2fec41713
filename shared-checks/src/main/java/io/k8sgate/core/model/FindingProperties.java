package io.k8sgate.core.model;

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
    /** The RBAC subject ({@code ServiceAccount/ns/name}, {@code Group/name}, {@code User/name}). Groups RBAC findings. */
    public static final String SUBJECT = "subject";
    /** The binding that grants the permission ({@code ClusterRoleBinding/name}). */
    public static final String BINDING = "binding";
    /** The role the binding refers to ({@code ClusterRole/name}). */
    public static final String ROLE = "role";
    /** How the subject gets to the dangerous permission: steps joined by {@link #PATH_STEP}. */
    public static final String ESCALATION_PATH = "escalationPath";
    /** Joins list values such as {@link #WORKLOADS}. */
    public static final String SEPARATOR = ", ";
    /** Joins the steps of an {@link #ESCALATION_PATH}. */
    public static final String PATH_STEP = " -> ";

    private FindingProperties() {
    }
}
