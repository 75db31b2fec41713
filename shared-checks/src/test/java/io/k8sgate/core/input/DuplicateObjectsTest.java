package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.policy.PolicyLoader;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An object defined twice with different content: reported, and each definition checked on its own (issue #13). */
class DuplicateObjectsTest {
    @Test
    void shouldReportTheDuplicateAndKeepEachDefinitionsFindingsApart() {
        GateOutcome outcome = new SecurityGate().run(GateRequest.of(Fixtures.path("repos"), List.of("duplicates")));

        assertThat(outcome.inputs().duplicates()).singleElement().satisfies(d -> {
            assertThat(d.resource().display()).isEqualTo("Deployment/shop/web");
            assertThat(d.definitions()).extracting(Object::toString)
                    .containsExactly("duplicates/a-web.yaml:1", "duplicates/b-web.yaml:2");
            assertThat(d.conflict()).isTrue();
        });
        assertThat(outcome.diagnostics()).filteredOn(d -> d.code().equals("duplicate-object")).singleElement()
                .satisfies(d -> {
                    assertThat(d.level()).isEqualTo(Diagnostic.Level.WARNING);
                    assertThat(d.message()).contains("defined 2 times", "the last definition replaces the others");
                });
        List<Finding> privileged = outcome.findings().stream().filter(f -> f.checkId().equals("K8S-WL-001")).toList();
        assertThat(privileged).extracting(f -> f.location().file())
                .containsExactlyInAnyOrder("duplicates/a-web.yaml", "duplicates/b-web.yaml");
        assertThat(privileged).extracting(Finding::fingerprint).doesNotHaveDuplicates();
        // only the second definition shares the host network: its finding is not merged into the first's
        assertThat(outcome.findings()).filteredOn(f -> f.checkId().equals("K8S-WL-002")).singleElement()
                .satisfies(f -> assertThat(f.location().file()).isEqualTo("duplicates/b-web.yaml"));
    }

    @Test
    void shouldNotLetAnExemptionOnOneDefinitionExemptTheOther(@TempDir final Path dir) throws IOException {
        String pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n%s"
                + "spec:\n  containers:\n    - name: web\n      image: registry.example.com/web:1.0\n"
                + "      securityContext:\n        privileged: true\n";
        Files.writeString(dir.resolve("a.yaml"), pod.formatted("  annotations:\n"
                + "    k8sgate.io/exempt.K8S-WL-001: \"Needs raw devices until the rewrite\"\n"));
        Files.writeString(dir.resolve("b.yaml"), pod.formatted(""));

        GateOutcome outcome = new SecurityGate().run(GateRequest.of(dir, List.of(".")));

        assertThat(outcome.findings()).filteredOn(f -> f.checkId().equals("K8S-WL-001"))
                .extracting(f -> f.location().file(), Finding::isSuppressed)
                .containsExactlyInAnyOrder(tuple("a.yaml", true), tuple("b.yaml", false));
    }

    @Test
    void shouldWarnAboutForbiddenExemptionsOnEachDefinitionAtItsOwnFile(@TempDir final Path dir) throws IOException {
        String pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n"
                + "    k8sgate.io/exempt.K8S-WL-001: \"%s\"\nspec:\n  containers:\n    - name: web\n"
                + "      image: registry.example.com/web:1.0\n      securityContext:\n        privileged: true\n";
        Files.writeString(dir.resolve("a.yaml"), pod.formatted("Needs raw devices"));
        Files.writeString(dir.resolve("b.yaml"), pod.formatted("Needs raw devices, too"));
        Files.writeString(dir.resolve("policy.yaml"), "allowInManifestExemptions: false\n");

        GateOutcome outcome = new SecurityGate().run(GateRequest.of(dir, List.of("a.yaml", "b.yaml"))
                .withPolicy(new PolicyLoader(new SecurityGate().checkIds()).load(dir.resolve("policy.yaml"))));

        assertThat(outcome.findings()).filteredOn(f -> f.checkId().equals("K8S-WL-001"))
                .extracting(f -> f.location().file(), Finding::isSuppressed)
                .containsExactlyInAnyOrder(tuple("a.yaml", false), tuple("b.yaml", false));
        assertThat(outcome.diagnostics()).filteredOn(d -> d.code().equals("exemption-forbidden"))
                .allSatisfy(d -> {
                    assertThat(d.level()).isEqualTo(Diagnostic.Level.WARNING);
                    assertThat(d.message()).contains("Pod/web", "forbids in-manifest exemptions", "ignored");
                })
                .extracting(d -> d.location().file()).containsExactlyInAnyOrder("a.yaml", "b.yaml");
    }

    @Test
    void shouldKeepTheFingerprintOfAnObjectDefinedOnce() {
        GateOutcome outcome = new SecurityGate().run(GateRequest.of(Fixtures.path("repos/duplicates"),
                List.of("a-web.yaml")));

        Finding privileged = outcome.findings().stream().filter(f -> f.checkId().equals("K8S-WL-001")).findFirst()
                .orElseThrow();
        assertThat(privileged.fingerprint()).isEqualTo(Finding.fingerprint(privileged.checkId(),
                privileged.resource(), privileged.container(), privileged.fieldPath()));
        assertThat(outcome.inputs().duplicates()).isEmpty();
    }
}
