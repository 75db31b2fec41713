package io.k8sgate.core.check.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.PolicyLoader;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Through the facade, an RBAC finding keeps its contextual severity unless the policy overrides the check. */
class RbacGateSeverityTest {
    private static final String DIR = "checks/K8S-RBAC-007/violating";

    private static List<Severity> bindingSeverities(final GateOutcome outcome) {
        return outcome.findings().stream().filter(f -> f.checkId().equals("K8S-RBAC-007"))
                .filter(f -> f.resource().kind().endsWith("Binding")).map(Finding::severity).sorted().toList();
    }

    @Test
    void shouldKeepTheSeverityOfTheScopeWithoutAnOverride() {
        GateOutcome outcome = new SecurityGate().run(GateRequest.of(Fixtures.path(DIR), List.of(".")));

        assertThat(bindingSeverities(outcome)).containsExactly(Severity.CRITICAL, Severity.CRITICAL, Severity.CRITICAL,
                Severity.CRITICAL, Severity.HIGH);
    }

    @Test
    void shouldApplyThePolicyOverrideToEveryFinding() {
        var ids = CheckRegistry.defaultRegistry().all().stream().map(c -> c.metadata().id())
                .collect(Collectors.toSet());
        var policy = new PolicyLoader(ids).parse("k8s-security.yaml", """
                checks:
                  K8S-RBAC-007:
                    severity: LOW
                """);
        GateOutcome outcome = new SecurityGate().run(GateRequest.of(Fixtures.path(DIR), List.of("."))
                .withPolicy(policy));

        assertThat(bindingSeverities(outcome)).containsExactly(Severity.LOW, Severity.LOW, Severity.LOW, Severity.LOW,
                Severity.LOW);
    }
}
