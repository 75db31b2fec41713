package io.k8sgate.core.input.trivy;

import io.k8sgate.core.input.LoaderLimits;
import io.k8sgate.core.input.YamlDocument;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.input.YamlParser;
import io.k8sgate.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads OpenVEX documents (JSON; read with the position-keeping parser, since JSON is YAML, so that every statement
 * keeps its line). VEX files are small; the report limits still apply.
 */
public final class OpenVexReader {
    private static final Set<String> STATUSES = Set.of("not_affected", "affected", "fixed", "under_investigation");

    /** The statements of one document; problems name the file and line. */
    public List<VexStatement> parse(final String name, final String text, final Consumer<Diagnostic> problems) {
        List<VexStatement> out = new ArrayList<>();
        List<Diagnostic> syntax = new ArrayList<>();
        List<YamlDocument> docs = new YamlParser(LoaderLimits.DEFAULT).parse(name, text, syntax::add);
        syntax.forEach(d -> problems.accept(Diagnostic.error("vex-syntax", d.location(), d.message())));
        for (YamlDocument doc : docs) {
            for (YamlNode root : doc.root().stream().toList()) {
                if (!root.get("@context").text("").contains("openvex")) {
                    problems.accept(Diagnostic.error("vex-format", root.location(), "Not an OpenVEX document (no "
                            + "@context of openvex.dev): only OpenVEX is read as VEX"));
                    continue;
                }
                String author = root.get("author").text("");
                for (YamlNode s : root.get("statements").elements()) {
                    statement(s, author, problems).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    private static java.util.Optional<VexStatement> statement(final YamlNode s, final String author,
            final Consumer<Diagnostic> problems) {
        List<String> ids = new ArrayList<>();
        YamlNode v = s.get("vulnerability");
        if (v.isScalar()) {
            ids.add(v.text(""));
        } else {
            v.get("name").text().ifPresent(ids::add);
            v.get("@id").text().filter(id -> !id.contains("/")).ifPresent(ids::add);
            v.get("aliases").elements().forEach(a -> ids.add(a.text("")));
        }
        String status = s.get("status").text("");
        if (ids.isEmpty() || !STATUSES.contains(status)) {
            problems.accept(Diagnostic.error("vex-statement", s.location(), "A VEX statement needs a vulnerability "
                    + "and a status of " + String.join(", ", STATUSES.stream().sorted().toList()) + " (got '"
                    + status + "')"));
            return java.util.Optional.empty();
        }
        List<String> products = new ArrayList<>();
        List<String> subcomponents = new ArrayList<>();
        for (YamlNode p : s.get("products").elements()) {
            if (p.isScalar()) {
                products.add(p.text(""));
                continue;
            }
            p.get("@id").text().ifPresent(products::add);
            p.path("identifiers", "purl").text().ifPresent(products::add);
            for (YamlNode sub : p.get("subcomponents").elements()) {
                (sub.isScalar() ? sub : sub.get("@id")).text().ifPresent(subcomponents::add);
                sub.path("identifiers", "purl").text().ifPresent(subcomponents::add);
            }
        }
        return java.util.Optional.of(new VexStatement(ids, products, subcomponents, status,
                s.get("justification").text(""), s.get("impact_statement").text(""), author, s.location()));
    }
}
