package io.k8sgate.core.input.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Diagnostic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreFileReaderTest {
    private final IgnoreFileReader reader = new IgnoreFileReader();

    @Test
    void shouldReadIdsExpiryAndCommentsOfThePlainFile() {
        List<Diagnostic> problems = new ArrayList<>();
        List<IgnoreRule> rules = reader.parse(".trivyignore", "# comment\n\nCVE-1 exp:2026-01-02 note\n"
                + "  CVE-2  \nCVE-3 exp:tomorrow\n#CVE-4\n", problems::add);
        assertThat(rules).extracting(IgnoreRule::id).containsExactly("CVE-1", "CVE-2");
        assertThat(rules.get(0).expiresAt()).contains(LocalDate.of(2026, 1, 2));
        assertThat(rules.get(0).origin().line()).isEqualTo(3);
        assertThat(rules.get(0).appliesTo(IgnoreRule.Kind.SECRET)).isTrue();
        assertThat(problems).singleElement().satisfies(d -> assertThat(d.location().line()).isEqualTo(5));
    }

    @Test
    void shouldApplyTrivysExpirySemantics() {
        IgnoreRule rule = reader.parse(".trivyignore", "CVE-1 exp:2026-01-02", d -> { }).get(0);
        assertThat(rule.isActive(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(rule.isActive(LocalDate.of(2026, 1, 2))).isFalse();
    }

    @Test
    void shouldReportBrokenYamlEntriesWithTheirLine() {
        List<Diagnostic> problems = new ArrayList<>();
        List<IgnoreRule> rules = reader.parse("x.trivyignore.yaml", "vulnerabilities:\n  - id: CVE-1\n"
                + "    purls: [\"not a purl\"]\n  - paths: [a]\n  - id: CVE-2\n    expired_at: someday\n"
                + "  - id: CVE-3\n    owner: me\nsecrets:\n  - id: rule\nother: []\n", problems::add);
        assertThat(rules).extracting(IgnoreRule::id, IgnoreRule::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CVE-3", IgnoreRule.Kind.VULNERABILITY),
                        org.assertj.core.groups.Tuple.tuple("rule", IgnoreRule.Kind.SECRET));
        assertThat(problems).extracting(d -> d.location().line()).containsExactly(3, 4, 6, 8, 11);
        assertThat(problems).extracting(Diagnostic::level).containsExactly(Diagnostic.Level.ERROR,
                Diagnostic.Level.ERROR, Diagnostic.Level.ERROR, Diagnostic.Level.WARNING, Diagnostic.Level.WARNING);
    }

    @Test
    void shouldMatchDoublestarGlobsAndPurlsLikeTrivy() {
        IgnoreRule rule = reader.parse("i.yaml", "vulnerabilities:\n  - id: X\n    paths: [\"**/*-lock.json\", "
                + "\"app/?.txt\"]\n    purls: [\"pkg:npm/%40babel/core\", \"pkg:deb/debian/libc6?arch=amd64\"]\n",
                d -> { }).get(0);
        assertThat(rule.matchesPath("package-lock.json")).isTrue();
        assertThat(rule.matchesPath("web/ui/yarn-lock.json")).isTrue();
        assertThat(rule.matchesPath("app/a.txt")).isTrue();
        assertThat(rule.matchesPath("app/ab.txt", "app/sub/a.txt")).isFalse();
        assertThat(rule.matchesPurl("pkg:npm/%40babel/core@7.0.0")).isTrue();
        assertThat(rule.matchesPurl("pkg:deb/debian/libc6@2.36?arch=amd64&distro=debian-12")).isTrue();
        assertThat(rule.matchesPurl("pkg:deb/debian/libc6@2.36?arch=arm64")).isFalse();
        assertThat(rule.matchesPurl("pkg:npm/core@7.0.0")).isFalse();
        assertThat(rule.matchesPurl("")).as("a package without a PURL matches").isTrue();
        assertThat(Purl.parse("pkg:golang/github.com/aquasecurity/bar@v1.0.0")).hasValueSatisfying(p -> {
            assertThat(p.namespace()).isEqualTo("github.com/aquasecurity");
            assertThat(p.version()).isEqualTo("v1.0.0");
        });
        assertThat(Purl.parse("not-a-purl")).isEmpty();
    }
}
