package io.k8sgate.core.policy;

import io.k8sgate.core.model.Severity;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the policy says about one check.
 *
 * @param enabled  on or off, empty to keep the check's default
 * @param severity the severity to use instead of the check's default
 * @param options  check-specific options
 */
public record CheckPolicy(Optional<Boolean> enabled, Optional<Severity> severity, Map<String, String> options) {
    public CheckPolicy {
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(severity, "severity");
        options = Map.copyOf(options);
    }
}
