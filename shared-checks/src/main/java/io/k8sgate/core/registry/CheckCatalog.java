package io.k8sgate.core.registry;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.PssLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders the catalogue as Markdown ({@code CHECKS.md}); a test keeps the committed file in step with the code. */
public final class CheckCatalog {
    private CheckCatalog() {
    }

    /** The Markdown catalogue of every check in the registry. */
    public static String markdown(final CheckRegistry registry) {
        return markdown(registry.all().stream().map(Check::metadata).toList(), registry.retired());
    }

    /**
     * The Markdown catalogue of the given checks (built-in ones and a policy's custom checks, say), in order, with
     * the built-in catalogue's retired ids.
     */
    public static String markdown(final List<CheckMetadata> checks) {
        return markdown(checks, CheckRegistry.defaultRegistry().retired());
    }

    /** The Markdown catalogue of the given checks, each retired id listed under its successor. */
    public static String markdown(final List<CheckMetadata> checks,
            final Map<String, RetiredCheck> retired) {
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
        defaults(sb, checks);
        for (CheckMetadata m : checks) {
            sb.append("\n## ").append(m.id()).append("\n\n**").append(m.title()).append("** (")
                    .append(m.severity()).append(", ").append(m.category().name().toLowerCase(Locale.ROOT))
                    .append(", since ").append(m.since()).append(")\n\n")
                    .append(m.description()).append("\n\n**Fix:** ").append(m.remediation()).append('\n');
            options(sb, m);
            List<String> relations = relations(m, checks);
            if (!relations.isEmpty()) {
                sb.append('\n');
                relations.forEach(r -> sb.append("- ").append(r).append('\n'));
            }
            retired.values().stream().filter(r -> r.successor().equals(m.id())).forEach(r -> sb.append("\n<a id=\"")
                    .append(r.id().toLowerCase(Locale.ROOT)).append("\"></a>**Replaces ").append(r.id())
                    .append("** (retired in ").append(r.since()).append("): ").append(r.why()).append(" The policy, ")
                    .append("exceptions, exemption annotations and stored baselines that name ").append(r.id())
                    .append(" are read as ").append(m.id()).append(", with a warning.\n"));
            if (!m.references().isEmpty()) {
                sb.append('\n');
                m.references().forEach(r -> sb.append("- ").append(r).append('\n'));
            }
        }
        return sb.toString();
    }

    /**
     * What a check's finding replaces and what replaces it on the same item ({@link CheckMetadata#overrides()}), one
     * sentence each: the catalogue states each relation on both checks.
     */
    public static List<String> relations(final CheckMetadata m, final List<CheckMetadata> checks) {
        List<String> out = new ArrayList<>();
        m.overrides().forEach(o -> out.add("Overrides " + o.checkId() + " on the same " + o.what() + ": "
                + o.checkId() + "'s finding there is left out and this one, when at least as severe, names it in "
                + "`alsoViolates`."));
        for (CheckMetadata other : checks) {
            other.overrides().stream().filter(o -> o.checkId().equals(m.id())).forEach(o -> out.add("Gives way to "
                    + other.id() + " on the same " + o.what() + ": when " + other.id() + " runs and its finding there"
                    + " is at least as severe, this check's finding is left out and " + other.id() + "'s names it "
                    + "in `alsoViolates`."));
        }
        return out;
    }

    private static void options(final StringBuilder sb, final CheckMetadata m) {
        if (!m.options().isEmpty()) {
            sb.append("\n**Options** (`checks.").append(m.id()).append(".options`):\n\n");
            m.options().forEach((name, effect) -> sb.append("- `").append(name).append("`: ").append(effect)
                    .append('\n'));
        }
        if (!m.retiredOptions().isEmpty()) {
            sb.append("\n**Retired options** (a policy that sets one gets a warning):\n\n");
            m.retiredOptions().forEach((name, replacement) -> sb.append("- `").append(name).append("`: ")
                    .append(replacement).append('\n'));
        }
    }

    /** The peers whose defaults the defaults table compares with ours. */
    public static final List<String> DEFAULT_PEERS = List.of("trivy", "kube-score", "kube-linter");

    private static void defaults(final StringBuilder sb, final List<CheckMetadata> checks) {
        Map<String, String> peer = peerDefaults();
        sb.append("\n## Defaults\n\n")
                .append("Our default severity beside the Pod Security Standards level of the control and each peer's ")
                .append("default for its equivalent check (Trivy: severity; kube-score: on or optional; kube-linter: ")
                .append("on or off). The default policy fails at HIGH and warns at MEDIUM.\n\n")
                .append("| Id | Ours | PSS | Trivy | kube-score | kube-linter |\n|---|---|---|---|---|---|\n");
        for (CheckMetadata m : checks) {
            boolean compared = m.pssLevel() != PssLevel.NONE
                    || DEFAULT_PEERS.stream().anyMatch(p -> m.equivalents().containsKey(p));
            if (!compared) {
                continue;
            }
            sb.append("| ").append(m.id()).append(" | ").append(m.severity())
                    .append(m.enabledByDefault() ? "" : " (optional)").append(" | ")
                    .append(m.pssLevel() == PssLevel.NONE ? "" : m.pssLevel().name().toLowerCase(Locale.ROOT));
            for (String tool : DEFAULT_PEERS) {
                sb.append(" | ").append(m.equivalents().getOrDefault(tool, List.of()).stream()
                        .map(id -> id + " " + peer.getOrDefault(tool + "\t" + id, "unknown"))
                        .collect(Collectors.joining(", ")));
            }
            sb.append(" |\n");
        }
    }

    /** {@code peer<TAB>peer check} to that peer's default, from {@code peer-defaults.tsv}. */
    public static Map<String, String> peerDefaults() {
        Map<String, String> out = new java.util.HashMap<>();
        try (java.io.InputStream in = CheckCatalog.class.getResourceAsStream("peer-defaults.tsv")) {
            if (in == null) {
                throw new IllegalStateException("peer-defaults.tsv is missing from the classpath");
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .toList()) {
                String[] parts = line.split("\t", -1);
                if (!line.startsWith("#") && parts.length == 3) {
                    out.put(parts[0] + "\t" + parts[1], parts[2]);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static String equivalents(final Map<String, List<String>> eq) {
        return eq.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String cell(final String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
