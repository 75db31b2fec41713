package io.k8sgate.core.policy;

import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.Severity;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a front end's own parameters change in the policy file (a Jenkins step's or Maven goal's arguments). Every
 * value is optional: absent keeps the file's setting.
 *
 * @param failOn           a severity name or {@code NONE}
 * @param warnOn           a severity name or {@code NONE}
 * @param newFindingsOnly  count only findings that are not in the reference run
 * @param failOnInputError fail closed on unusable input
 */
public record PolicyOverrides(Optional<String> failOn, Optional<String> warnOn, Optional<Boolean> newFindingsOnly,
        Optional<Boolean> failOnInputError) {
    /** No override at all. */
    public static final PolicyOverrides NONE = new PolicyOverrides(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public PolicyOverrides {
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(warnOn, "warnOn");
        Objects.requireNonNull(newFindingsOnly, "newFindingsOnly");
        Objects.requireNonNull(failOnInputError, "failOnInputError");
        failOn = failOn.map(String::trim).filter(s -> !s.isEmpty());
        warnOn = warnOn.map(String::trim).filter(s -> !s.isEmpty());
    }

    /**
     * The policy with these overrides applied.
     *
     * @throws ConfigurationException when a threshold is neither a severity nor {@code NONE}
     */
    public Policy applyTo(final Policy policy) {
        Policy p = policy;
        if (failOn.isPresent() || warnOn.isPresent()) {
            p = p.withThresholds(failOn.isPresent() ? threshold("failOn", failOn.get()) : p.failOn(),
                    warnOn.isPresent() ? threshold("warnOn", warnOn.get()) : p.warnOn());
        }
        if (newFindingsOnly.isPresent()) {
            p = p.withNewFindingsOnly(newFindingsOnly.get());
        }
        if (failOnInputError.isPresent()) {
            p = p.withFailOnInputError(failOnInputError.get());
        }
        return p;
    }

    /**
     * A threshold as users write it: a severity, case-insensitively, or {@code NONE} for "never".
     *
     * @throws ConfigurationException naming the parameter when the value is neither
     */
    public static Optional<Severity> threshold(final String parameter, final String value) {
        if ("NONE".equals(value.trim().toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(Severity.parse(value).orElseThrow(() -> new ConfigurationException(
                Location.ofFile(parameter), "'" + value + "' is not a threshold: use CRITICAL, HIGH, MEDIUM, LOW, INFO "
                        + "or NONE")));
    }
}
