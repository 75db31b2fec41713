package io.k8sgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.CheckOverride.Item;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.registry.CheckRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which findings are about the same item, and what remains of them. */
class FindingOverridesTest {
    private static final ResourceRef POD = new ResourceRef("Pod", "shop", "web");
    private static final CheckMetadata WEAK = CheckMetadata.of("K8S-TST-001", "weak", Severity.MEDIUM,
            Category.WORKLOAD);
    private static final CheckMetadata STRONG = CheckMetadata.of("K8S-TST-002", "strong", Severity.HIGH,
            Category.WORKLOAD).withOverride(WEAK.id(), Item.FIELD, "volume");
    private static final CheckMetadata STRONGEST = CheckMetadata.of("K8S-TST-003", "strongest", Severity.CRITICAL,
            Category.WORKLOAD).withOverride(STRONG.id(), Item.FIELD, "socket volume");
    private static final CheckMetadata CONTAINER = CheckMetadata.of("K8S-TST-004", "container", Severity.CRITICAL,
            Category.WORKLOAD).withOverride(WEAK.id(), Item.CONTAINER, "privileged container");

    private static Finding finding(final CheckMetadata check, final String container, final String path) {
        return Finding.of(check, POD, container, new Location("pod.yaml", 3, 1), path, check.title());
    }

    private static List<String> remaining(final List<Finding> findings, final CheckMetadata... checks) {
        return FindingOverrides.apply(findings, List.of(checks)).findings().stream().map(f -> f.checkId() + " "
                + f.fieldPath() + " " + f.properties().getOrDefault(FindingProperties.ALSO_VIOLATES, "-")).toList();
    }

    @Test
    void shouldReplaceTheFindingOnTheSameFieldOrOneInsideIt() {
        List<Finding> findings = List.of(finding(WEAK, "", "spec.volumes[1].hostPath"),
                finding(WEAK, "", "spec.volumes[10].hostPath"), finding(STRONG, "", "spec.volumes[1].hostPath.path"),
                finding(WEAK, "", "spec.volumes[2]"), finding(STRONG, "", "spec.volumes[2].hostPath"));

        assertThat(remaining(findings, WEAK, STRONG)).containsExactly("K8S-TST-001 spec.volumes[10].hostPath -",
                "K8S-TST-002 spec.volumes[1].hostPath.path K8S-TST-001",
                "K8S-TST-002 spec.volumes[2].hostPath K8S-TST-001");
    }

    @Test
    void shouldNameEveryCheckOfAChainOnTheLastFinding() {
        List<Finding> findings = List.of(finding(WEAK, "", "spec.volumes[0].hostPath"),
                finding(STRONG, "", "spec.volumes[0].hostPath"),
                finding(STRONGEST, "", "spec.volumes[0].hostPath.path"));

        FindingOverrides.Result result = FindingOverrides.apply(findings, List.of(WEAK, STRONG, STRONGEST));

        assertThat(remaining(findings, WEAK, STRONG, STRONGEST))
                .containsExactly("K8S-TST-003 spec.volumes[0].hostPath.path K8S-TST-001, K8S-TST-002");
        assertThat(result.replaced()).extracting(Finding::checkId).containsExactly("K8S-TST-001", "K8S-TST-002");
    }

    @Test
    void shouldReplaceNothingWithoutTheRelationsCheckOrAcrossObjectsContainersAndFiles() {
        Finding weak = finding(WEAK, "web", "spec.containers[0].securityContext");
        Finding elsewhere = new Finding(CONTAINER.id(), "container", Severity.CRITICAL, Category.WORKLOAD, POD,
                "web", new Location("other.yaml", 3, 1), "spec.containers[0].securityContext.privileged", "m", "",
                List.of(), CONTAINER.equivalents(), "f", Optional.empty(), Map.of());

        assertThat(remaining(List.of(weak, finding(CONTAINER, "sidecar", "spec.containers[1].securityContext"
                + ".privileged"), elsewhere), WEAK, CONTAINER)).hasSize(3);
        assertThat(remaining(List.of(weak, finding(CONTAINER, "web", "spec.containers[0].securityContext"
                + ".privileged")), WEAK, CONTAINER)).containsExactly(
                        "K8S-TST-004 spec.containers[0].securityContext.privileged K8S-TST-001");
        // the replacing check is not among the run's checks (turned off): its relation does not apply
        assertThat(remaining(List.of(weak, finding(CONTAINER, "web", "x")), WEAK)).hasSize(2);
        // a pod-level finding has no container to share
        assertThat(remaining(List.of(finding(WEAK, "", "spec"), finding(CONTAINER, "", "spec.hostPID")), WEAK,
                CONTAINER)).hasSize(2);
    }

    @Test
    void shouldReplaceOnlyAFindingAtMostAsSevere() {
        Finding raised = finding(WEAK, "", "spec.volumes[0].hostPath").withSeverity(Severity.CRITICAL);

        assertThat(remaining(List.of(raised, finding(STRONG, "", "spec.volumes[0].hostPath")), WEAK, STRONG))
                .hasSize(2);
    }

    @Test
    void shouldTellFieldPathsInsideOthersApart() {
        assertThat(FindingOverrides.inside("a.volumes[1].hostPath", "a.volumes[1]")).isTrue();
        assertThat(FindingOverrides.inside("a.volumes[1]", "a.volumes[1]")).isTrue();
        assertThat(FindingOverrides.inside("a.volumes[10]", "a.volumes[1]")).isFalse();
        assertThat(FindingOverrides.inside("a.hostPathX", "a.hostPath")).isFalse();
        assertThat(FindingOverrides.inside("a", "")).isFalse();
    }

    @Test
    void shouldRefuseCyclesAndAcceptRelationsToChecksOutsideTheCatalogue() {
        assertThat(new CheckRegistry(List.of(check(STRONG))).all()).hasSize(1);
        CheckMetadata back = WEAK.withOverride(STRONGEST.id(), Item.FIELD, "volume");
        assertThatThrownBy(() -> new CheckRegistry(List.of(check(back), check(STRONG), check(STRONGEST))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overrides itself through");
    }

    private static Check check(final CheckMetadata metadata) {
        return new Check() {
            @Override
            public CheckMetadata metadata() {
                return metadata;
            }

            @Override
            public List<Finding> evaluate(final CheckContext context) {
                return List.of();
            }
        };
    }
}
