package io.k8sgate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.fixtures.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {
    private final PolicyLoader loader = new PolicyLoader(Set.of("K8S-WL-001", "K8S-WL-002", "K8S-WL-061"));

    @Test
    void shouldReadEverySetting() {
        Policy p = loader.load(Fixtures.path("policies/full.yaml"));
        assertThat(p.failOn()).contains(Severity.CRITICAL);
        assertThat(p.warnOn()).contains(Severity.LOW);
        assertThat(p.failOnInputError()).isFalse();
        assertThat(p.newFindingsOnly()).isTrue();
        assertThat(p.allowInManifestExemptions()).isFalse();
        assertThat(p.enableAll()).isTrue();
        assertThat(p.targetKubernetesVersion()).isEqualTo(new KubernetesVersion(1, 29));
        assertThat(p.checks().get("K8S-WL-001").severity()).contains(Severity.HIGH);
        assertThat(p.checks().get("K8S-WL-061").options()).containsEntry("includeMissingNamespace", "true");
        assertThat(p.checkSettings().option("K8S-WL-061", "includeMissingNamespace", "")).isEqualTo("true");
        assertThat(p.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.checks()).containsExactly("K8S-WL-001");
            assertThat(e.name()).isEqualTo("legacy-*");
            assertThat(e.owner()).isEqualTo("platform-team@example.com");
            assertThat(e.expires()).contains(LocalDate.of(2027, 3, 31));
            assertThat(e.location().line()).isEqualTo(15);
        });
    }

    @Test
    void shouldAddTheKindsThatRunPodsToTheBuiltInTable() {
        Policy p = loader.load(Fixtures.path("policies/full.yaml"));

        assertThat(p.workloadKinds()).singleElement().satisfies(k -> {
            assertThat(k.apiGroup()).isEqualTo("ci.example.com");
            assertThat(k.kinds()).containsExactly("BuildJob");
            assertThat(k.runsToCompletion()).isTrue();
            assertThat(k.pods()).extracting(io.k8sgate.core.input.PodLocation::path)
                    .containsExactly("spec.runner.template.spec", "spec.steps[]");
        });
        assertThat(p.checkSettings().workloadKinds().entries()).hasSize(
                io.k8sgate.core.input.WorkloadKinds.BUILT_IN.entries().size() + 1);
        assertThat(Policy.DEFAULT.workloadKinds()).isEmpty();
    }

    @Test
    void shouldNameFileAndLineOfAMalformedWorkloadKind() {
        assertThatThrownBy(() -> loader.parse("p.yaml", "workloadKinds:\n  - kinds: [Job]\n    pods: [\"a..b[\"]\n"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(pr -> {
                        assertThat(pr.location().line()).isEqualTo(3);
                        assertThat(pr.message()).startsWith("workloadKinds: a pod path is written like");
                    });
                });
    }

    @Test
    void shouldNameFileAndLineOfUnknownKeys() {
        assertThatThrownBy(() -> loader.load(Fixtures.path("policies/unknown-key.yaml")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems().get(0).location().line()).isEqualTo(2);
                    assertThat(e.problems().get(0).message()).contains("Unknown key 'failOnn'");
                    assertThat(e.problems().get(1).location().line()).isEqualTo(6);
                    assertThat(e.problems().get(1).message()).contains("'severty'");
                    assertThat(e.getMessage()).contains("unknown-key.yaml:2");
                });
    }

    @Test
    void shouldCollectEveryMalformedValue() {
        assertThatThrownBy(() -> loader.load(Fixtures.path("policies/bad-values.yaml")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.problems()).extracting(pr -> pr.location().line())
                            .contains(1, 3, 4, 6, 7, 10, 12);
                    assertThat(e.getMessage()).contains("SEVERE").contains("maybe").contains("latest")
                            .contains("K8S-XX-1").contains("Unknown check id 'K8S-WL-999'")
                            .contains("non-empty owner").contains("next week");
                });
    }

    @Test
    void shouldReportMalformedYamlInThePolicy() {
        assertThatThrownBy(() -> loader.load(Fixtures.path("policies/malformed.yaml")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("malformed.yaml:");
    }

    @Test
    void shouldRejectAWarnThresholdAboveTheFailThreshold() {
        assertThatThrownBy(() -> loader.parse("p.yaml", "failOn: MEDIUM\nwarnOn: CRITICAL\n"))
                .hasMessageContaining("p.yaml:2").hasMessageContaining("more severe than failOn");
    }

    @Test
    void shouldUseDefaultsForAnEmptyFileAndAcceptNone() {
        Policy empty = loader.parse("empty.yaml", "# nothing\n");
        assertThat(empty.failOn()).isEqualTo(Policy.DEFAULT.failOn());
        assertThat(empty.source()).isEqualTo("empty.yaml");
        Policy never = loader.parse("p.yaml", "failOn: NONE\nwarnOn: none\n");
        assertThat(never.failOn()).isEqualTo(Optional.empty());
        assertThat(never.warnOn()).isEqualTo(Optional.empty());
    }

    @Test
    void shouldTurnChecksOffAndOn() {
        Policy off = loader.load(Fixtures.path("policies/disable.yaml"));
        assertThat(off.isEnabled(new io.k8sgate.core.check.workload.PrivilegedContainerCheck().metadata()))
                .isFalse();
    }

    private static PolicyLoader catalogueLoader() {
        Set<String> ids = new java.util.HashSet<>();
        CheckRegistry.defaultRegistry().all().forEach(c -> ids.add(c.metadata().id()));
        return new PolicyLoader(ids);
    }

    @Test
    void shouldReadARetiredCheckIdAsItsSuccessorAndWarnAtItsLine() {
        Policy p = catalogueLoader().load(Fixtures.path("policies/retired/old-ids.yaml"));
        assertThat(p.checks()).doesNotContainKey("K8S-WL-056");
        assertThat(p.checks().get("K8S-IMG-004").severity()).contains(Severity.HIGH);
        assertThat(p.isEnabled(new io.k8sgate.core.check.image.ImageNotPinnedCheck().metadata())).isTrue();
        assertThat(p.exceptions()).extracting(PolicyException::checks).containsExactly(List.of("K8S-IMG-004"),
                List.of("K8S-WL-001", "K8S-IMG-004"));
        assertThat(p.warnings()).allSatisfy(d -> {
            assertThat(d.level()).isEqualTo(Diagnostic.Level.WARNING);
            assertThat(d.code()).isEqualTo(PolicyLoader.RETIRED);
            assertThat(d.location().file()).endsWith("old-ids.yaml");
        }).extracting(d -> d.location().line() + " " + d.message()).satisfiesExactly(
                w -> assertThat(w).startsWith("5 K8S-WL-056 is retired").contains("It is read as K8S-IMG-004"),
                w -> assertThat(w).startsWith("8 checks.K8S-NET-005.options.requireEgress is retired")
                        .contains("K8S-NET-007"),
                w -> assertThat(w).startsWith("10 K8S-WL-056 is retired"),
                w -> assertThat(w).startsWith("15 K8S-WL-056 is retired"));
        assertThat(p.checkSettings().option("K8S-NET-005", "requireEgress", "unset")).isEqualTo("unset");
    }

    @Test
    void shouldLetTheSuccessorsOwnEntryWinOverARetiredOne() {
        Policy p = catalogueLoader().load(Fixtures.path("policies/retired/both-ids.yaml"));
        assertThat(p.checks().get("K8S-IMG-004").enabled()).contains(false);
        assertThat(p.warnings()).extracting(d -> d.location().line() + " " + d.message()).containsExactly(
                "4 K8S-WL-056 is retired: it reported the same fact as K8S-IMG-004 (an image without a well-formed "
                        + "digest), which the image policy's requireDigest turns on. It is read as K8S-IMG-004; "
                        + "write K8S-IMG-004 instead in the policy",
                "4 checks.K8S-WL-056 is ignored: checks.K8S-IMG-004 sets K8S-IMG-004 itself");
        Policy reversed = catalogueLoader().parse("p.yaml", "checks:\n  K8S-WL-056: true\n  K8S-IMG-004: false\n");
        assertThat(reversed.checks().get("K8S-IMG-004").enabled()).contains(false);
    }

    @Test
    void shouldRefuseAnOptionTheCheckDoesNotHave() {
        assertThatThrownBy(() -> catalogueLoader().load(Fixtures.path("policies/retired/unknown-option.yaml")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown-option.yaml:5")
                .hasMessageContaining("Unknown option 'includeMissingNamespaces' of K8S-WL-061 (its options: "
                        + "includeMissingNamespace)")
                .hasMessageContaining("unknown-option.yaml:6")
                .hasMessageContaining("Unknown option 'strict' of K8S-WL-001 (it takes no options)");
    }

    @Test
    void shouldKeepRequireDigestOnTheOneDigestCheck() {
        Policy p = catalogueLoader().parse("p.yaml", "images:\n  requireDigest: true\n");
        assertThat(p.checks().get("K8S-IMG-004").enabled()).contains(true);
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void shouldHandABooleanOptionToTheCheckAsKubernetesReadsIt() {
        Policy p = catalogueLoader().parse("p.yaml",
                "checks:\n  K8S-WL-061: {options: {includeMissingNamespace: yes}}\n");
        assertThat(p.checkSettings().option("K8S-WL-061", "includeMissingNamespace", "")).isEqualTo("true");
    }
}
