package io.k8sgate.core.registry;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.PssLevel;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders the catalogue as Markdown ({@code CHECKS.md}); a test keeps the committed file in step with the code. */
public final class CheckCatalog {
    private CheckCatalog() {
    }

    /** The Markdown catalogue of every check in the registry. */
    public static String markdown(final CheckRegistry registry) {
        return markdown(registry.all().stream().map(Check::metadata).toList());
    }

    /** The Markdown catalogue of the given checks (built-in ones and a policy's custom checks, say), in order. */
    public static String markdown(final java.util.List<CheckMetadata> checks) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Checks\n\n")
                .append("Generated from the check registry (`k8s-security checks --markdown`); do not edit by hand.\n")
                .append("Optional checks run only when the policy enables them or with `--enable-all`.\n\n")
                .append("| Id | Title | Severity | Area | PSS | CIS | Equivalents | Default |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (CheckMetadata m : checks) {
            sb.append("| [").append(m.id()).append("](#").append(m.id().toLowerCase(Locale.ROOT)).append(") | ")
                    .append(cell(m.title())).append(" | ").append(m.severity()).append(" | ")
                    .append(m.category().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(m.pssLevel() == PssLevel.NONE ? "" : m.pssLevel().name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(m.cisSection()).append(" | ").append(cell(equivalents(m.equivalents())))
                    .append(" | ").append(m.enabledByDefault() ? "on" : "optional").append(" |\n");
        }
        for (CheckMetadata m : checks) {
            sb.append("\n## ").append(m.id()).append("\n\n**").append(m.title()).append("** (")
                    .append(m.severity()).append(", ").append(m.category().name().toLowerCase(Locale.ROOT))
                    .append(", since ").append(m.since()).append(")\n\n")
                    .append(m.description()).append("\n\n**Fix:** ").append(m.remediation()).append('\n');
            if (!m.references().isEmpty()) {
                sb.append('\n');
                m.references().forEach(r -> sb.append("- ").append(r).append('\n'));
            }
        }
        return sb.toString();
    }

    private static String equivalents(final Map<String, java.util.List<String>> eq) {
        return eq.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String cell(final String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
