package io.k8sgate.core.policy;

import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Location;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A central exception: findings of the listed checks on matching resources do not count, for a reason, owned by
 * somebody, until a date. Kind, namespace, name and container accept {@code *} wildcards; empty matches anything.
 *
 * @param checks    check ids ({@code *} for every check)
 * @param kind      resource kind
 * @param namespace resource namespace
 * @param name      resource name
 * @param container container name
 * @param owner     who is accountable
 * @param reason    why the risk is accepted
 * @param expires   the last day it applies
 * @param location  where it is written
 */
public record PolicyException(List<String> checks, String kind, String namespace, String name, String container,
        String owner, String reason, Optional<LocalDate> expires, Location location) {
    public PolicyException {
        checks = List.copyOf(checks);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(location, "location");
    }

    /** True when the exception is past its expiry date on {@code today}. */
    public boolean isExpired(final LocalDate today) {
        return expires.map(today::isAfter).orElse(false);
    }

    /** True when the exception covers the finding (expiry is not considered here). */
    public boolean matches(final Finding finding) {
        return (checks.contains("*") || checks.contains(finding.checkId()))
                && glob(kind, finding.resource().kind())
                && glob(namespace, finding.resource().namespace())
                && glob(name, finding.resource().name())
                && glob(container, finding.container());
    }

    private static boolean glob(final String pattern, final String value) {
        if (pattern.isEmpty() || "*".equals(pattern)) {
            return true;
        }
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(value);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return value.matches(regex.toString());
    }
}
