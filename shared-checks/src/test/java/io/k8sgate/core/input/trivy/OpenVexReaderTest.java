package io.k8sgate.core.input.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.input.ImageRef;
import io.k8sgate.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenVexReaderTest {
    private final OpenVexReader reader = new OpenVexReader();

    @Test
    void shouldReadStatementsOfEveryOpenVexSpelling() {
        List<Diagnostic> problems = new ArrayList<>();
        List<VexStatement> statements = reader.parse("v.json", """
                {"@context": "https://openvex.dev/ns/v0.2.0", "author": "me", "statements": [
                  {"vulnerability": "CVE-1", "products": ["pkg:npm/a@1.0.0"], "status": "fixed"},
                  {"vulnerability": {"@id": "https://nvd.nist.gov/vuln/detail/CVE-2", "name": "CVE-2",
                    "aliases": ["GHSA-x"]},
                   "products": [{"identifiers": {"purl": "pkg:npm/b"}}], "status": "not_affected",
                   "justification": "component_not_present"}
                ]}
                """, problems::add);
        assertThat(problems).isEmpty();
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).suppresses()).isTrue();
        assertThat(statements.get(1).vulnerabilities()).containsExactly("CVE-2", "GHSA-x");
        assertThat(statements.get(1).covers("GHSA-x", "pkg:npm/b@3.1.0", Optional.empty())).isTrue();
        assertThat(statements.get(1).covers("CVE-2", "pkg:npm/c@3.1.0", Optional.empty())).isFalse();
        assertThat(statements.get(1).origin().line()).isEqualTo(3);
    }

    @Test
    void shouldScopeImageProductsByRepositoryDigestAndTag() {
        ImageRef image = ImageRef.parse("registry.example.com/shop/web:1.4.2@sha256:" + "a".repeat(64)).orElseThrow();
        assertThat(VexStatement.isImage("registry.example.com/shop/web:1.4.2", Optional.of(image))).isTrue();
        assertThat(VexStatement.isImage("registry.example.com/shop/web:1.4.3", Optional.of(image))).isFalse();
        assertThat(VexStatement.isImage("pkg:oci/web?repository_url=registry.example.com/shop/web&tag=1.4.2",
                Optional.of(image))).isTrue();
        assertThat(VexStatement.isImage("pkg:oci/web@sha256%3A" + "b".repeat(64), Optional.of(image))).isFalse();
        assertThat(VexStatement.isImage("pkg:oci/web", Optional.empty())).isFalse();
        assertThat(VexStatement.isImage("pkg:npm/web", Optional.of(image))).isFalse();
    }

    @Test
    void shouldReportDocumentsAndStatementsItCannotUse() {
        List<Diagnostic> problems = new ArrayList<>();
        assertThat(reader.parse("csaf.json", "{\"document\": {\"category\": \"csaf_vex\"}}", problems::add))
                .isEmpty();
        assertThat(reader.parse("v.json", "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"statements\": [\n"
                + "{\"vulnerability\": {\"name\": \"CVE-1\"}, \"status\": \"maybe\"}]}", problems::add)).isEmpty();
        assertThat(problems).extracting(Diagnostic::code, d -> d.location().line())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vex-format", 1),
                        org.assertj.core.groups.Tuple.tuple("vex-statement", 2));
    }
}
