package io.k8sgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Finding;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.fixtures.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SecurityGateReferenceTest {
    private final Path workspace = Fixtures.path("samples/privileged");

    @Test
    void shouldNotCountReferenceFindingsWhenNewFindingsOnly() {
        GateRequest request = GateRequest.of(workspace, List.of("pod.yaml"))
                .withPolicy(Policy.DEFAULT.withNewFindingsOnly(true));
        Set<String> known = fingerprints(new SecurityGate().run(request));

        GateOutcome outcome = new SecurityGate().run(request.withReference(known));

        assertThat(known).isNotEmpty();
        assertThat(outcome.status()).isEqualTo(GateStatus.PASS);
    }

    @Test
    void shouldCountEveryFindingWhenPolicyCountsAllFindings() {
        GateRequest request = GateRequest.of(workspace, List.of("pod.yaml"));
        Set<String> known = fingerprints(new SecurityGate().run(request));

        assertThat(new SecurityGate().run(request.withReference(known)).status()).isEqualTo(GateStatus.FAIL);
    }

    @Test
    void shouldKeepTheReferenceWhenPolicyOrClockChange() {
        GateRequest request = GateRequest.of(workspace, List.of("pod.yaml")).withReference(Set.of("a"));

        assertThat(request.withPolicy(Policy.DEFAULT).withClock(request.clock()).reference()).containsExactly("a");
        assertThat(GateRequest.of(workspace, List.of()).reference()).isEmpty();
    }

    private static Set<String> fingerprints(final GateOutcome outcome) {
        return outcome.findings().stream().map(Finding::fingerprint).collect(Collectors.toSet());
    }
}
