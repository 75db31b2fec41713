package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.rbac.Permission;
import java.util.List;

/**
 * An RBAC check that reports holders of a few named permissions. A grant of everything (K8S-RBAC-001) or a wildcard
 * rule (K8S-RBAC-002) that includes them is the root cause: it is reported once, naming these permissions and this
 * check's id as implied, and this check does not report it again.
 */
public interface NarrowerCheck extends Check {
    /** The permissions this check reports. */
    List<Permission> permissions();
}
