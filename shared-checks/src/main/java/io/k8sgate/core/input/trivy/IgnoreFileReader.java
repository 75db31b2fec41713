package io.k8sgate.core.input.trivy;

import io.k8sgate.core.input.LoaderLimits;
import io.k8sgate.core.input.YamlDocument;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.input.YamlParser;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Location;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads Trivy's ignore files with Trivy's semantics: the plain {@code .trivyignore} (one id per line, optional
 * {@code exp:YYYY-MM-DD}, whole-line comments; a line with an unreadable date is dropped) and
 * {@code .trivyignore.yaml}/{@code .yml} (chosen by extension; ids, paths, purls, {@code expired_at}, statement).
 */
public final class IgnoreFileReader {
    private static final Map<String, IgnoreRule.Kind> SECTIONS = Map.of(
            "vulnerabilities", IgnoreRule.Kind.VULNERABILITY, "misconfigurations", IgnoreRule.Kind.MISCONFIGURATION,
            "secrets", IgnoreRule.Kind.SECRET, "licenses", IgnoreRule.Kind.LICENSE);
    private static final Set<String> ENTRY_KEYS = Set.of("id", "paths", "purls", "expired_at", "statement");

    /** Reads an ignore file's text; {@code name} decides the syntax and is used in locations. */
    public List<IgnoreRule> parse(final String name, final String text, final Consumer<Diagnostic> problems) {
        return name.endsWith(".yaml") || name.endsWith(".yml") ? yaml(name, text, problems) : plain(name, text,
                problems);
    }

    private static List<IgnoreRule> plain(final String name, final String text, final Consumer<Diagnostic> problems) {
        List<IgnoreRule> rules = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+", -1);
            Location at = new Location(name, i + 1, 1);
            Optional<LocalDate> expires = Optional.empty();
            boolean broken = false;
            for (int f = 1; f < fields.length; f++) {
                if (fields[f].startsWith("exp:")) {
                    try {
                        expires = Optional.of(LocalDate.parse(fields[f].substring(4)));
                    } catch (DateTimeParseException e) {
                        problems.accept(Diagnostic.warning("trivyignore-date", at, "Unreadable expiry '" + fields[f]
                                + "' (expected exp:YYYY-MM-DD): like Trivy, the line is ignored, so " + fields[0]
                                + " is not suppressed"));
                        broken = true;
                    }
                }
            }
            if (!broken) {
                rules.add(new IgnoreRule(IgnoreRule.Kind.ANY, fields[0], List.of(), List.of(), expires, "", at));
            }
        }
        return rules;
    }

    private static List<IgnoreRule> yaml(final String name, final String text, final Consumer<Diagnostic> problems) {
        List<IgnoreRule> rules = new ArrayList<>();
        List<Diagnostic> syntax = new ArrayList<>();
        List<YamlDocument> docs = new YamlParser(LoaderLimits.DEFAULT).parse(name, text, syntax::add);
        syntax.forEach(d -> problems.accept(Diagnostic.error("trivyignore-syntax", d.location(), d.message())));
        for (YamlDocument doc : docs) {
            for (YamlNode root : doc.root().stream().toList()) {
                if (!root.isMap()) {
                    problems.accept(Diagnostic.error("trivyignore-syntax", root.location(),
                            "An ignore file is a mapping with vulnerabilities, misconfigurations, secrets, licenses"));
                    continue;
                }
                root.entries().forEach((section, list) -> {
                    IgnoreRule.Kind kind = SECTIONS.get(section);
                    if (kind == null) {
                        problems.accept(Diagnostic.warning("trivyignore-key", list.location(), "Unknown section '"
                                + section + "' (Trivy reads vulnerabilities, misconfigurations, secrets, licenses)"));
                        return;
                    }
                    list.elements().forEach(e -> entry(kind, e, problems).ifPresent(rules::add));
                });
            }
        }
        return rules;
    }

    private static Optional<IgnoreRule> entry(final IgnoreRule.Kind kind, final YamlNode e,
            final Consumer<Diagnostic> problems) {
        String id = e.get("id").text("").trim();
        if (!e.isMap() || id.isEmpty()) {
            problems.accept(Diagnostic.error("trivyignore-entry", e.location(), "An ignore entry needs an id"));
            return Optional.empty();
        }
        e.entries().forEach((k, v) -> {
            if (!ENTRY_KEYS.contains(k)) {
                problems.accept(Diagnostic.warning("trivyignore-key", v.location(), "Key '" + k
                        + "' is not read by Trivy (id, paths, purls, expired_at, statement)"));
            }
        });
        List<String> paths = new ArrayList<>();
        e.get("paths").elements().forEach(p -> paths.add(p.text("")));
        List<Purl> purls = new ArrayList<>();
        for (YamlNode p : e.get("purls").elements()) {
            Optional<Purl> purl = Purl.parse(p.text(""));
            if (purl.isEmpty()) {
                problems.accept(Diagnostic.error("trivyignore-purl", p.location(), "'" + p.text("")
                        + "' is not a package URL (pkg:type/namespace/name@version)"));
                return Optional.empty();
            }
            purls.add(purl.get());
        }
        Optional<LocalDate> expires = Optional.empty();
        YamlNode exp = e.get("expired_at");
        if (exp.isPresent()) {
            String value = exp.text("");
            try {
                expires = Optional.of(LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value));
            } catch (DateTimeParseException ex) {
                problems.accept(Diagnostic.error("trivyignore-date", exp.location(), "expired_at must be a date "
                        + "like 2026-12-31 (got '" + value + "')"));
                return Optional.empty();
            }
        }
        return Optional.of(new IgnoreRule(kind, id, paths, purls, expires, e.get("statement").text(""),
                e.location()));
    }
}
