package io.k8sgate.core.check.image;

import io.k8sgate.core.input.Workload;
import java.util.Optional;

/**
 * A further reason why a workload makes its images' vulnerabilities more dangerous (for instance a service account
 * with risky RBAC permissions). An analysis attaches an implementation to the check context under this type; the
 * vulnerability check then raises the severity of the images that workload runs.
 */
@FunctionalInterface
public interface WorkloadRisk {
    /** Why the workload is risky, in a few words, or empty when it is not. */
    Optional<String> riskOf(Workload workload);
}
