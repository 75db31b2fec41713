package io.k8sgate.core.model;

/** The area a check belongs to. */
public enum Category {
    /** Pod specifications and their containers. */
    WORKLOAD,
    /** Network reachability: services, ingresses, network policies, admission labels. */
    EXPOSURE,
    /** Container images and their scan reports. */
    IMAGE,
    /** Role-based access control. */
    RBAC,
    /** API versions and the target Kubernetes version. */
    VERSION,
    /** Credentials written into manifests outside Secrets: ConfigMaps, annotations. */
    SECRETS,
    /** The team's own rules: custom checks of the policy file and ValidatingAdmissionPolicies. */
    CUSTOM
}
