package io.k8sgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.baseline.BaselineReference;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.input.InputOptions;
import io.k8sgate.core.policy.Policy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each {@code with...} changes its own part of a request and keeps every other. */
class GateRequestTest {
    private static final Path ROOT = Path.of("/work/app");
    private static final BaselineReference BASELINE = new BaselineReference(new DirectoryStore(ROOT.resolve("b")),
            OptionalLong.of(2));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);

    private final GateRequest full = new GateRequest(ROOT, List.of("k8s"), Policy.DEFAULT, Clock.systemUTC(),
            List.of("scan.json"), List.of(".trivyignore"), List.of("vex.json"), Optional.of(BASELINE),
            Set.of("fp-1", "fp-2"), InputOptions.DEFAULT, List.of("admission"));

    @Test
    void shouldKeepTheReferenceFingerprintsWhenScanInputsChange() {
        GateRequest changed = full.withTrivy(List.of("other.json"), List.of(), List.of("other.vex.json"));

        assertThat(changed).isEqualTo(new GateRequest(ROOT, List.of("k8s"), Policy.DEFAULT, full.clock(),
                List.of("other.json"), List.of(), List.of("other.vex.json"), Optional.of(BASELINE),
                Set.of("fp-1", "fp-2"), InputOptions.DEFAULT, List.of("admission")));
    }

    @Test
    void shouldChangeOnlyTheirOwnPart() {
        Policy strict = Policy.DEFAULT.withFailOnInputError(false);

        assertThat(full.withPolicy(strict)).isEqualTo(new GateRequest(ROOT, full.manifests(), strict, full.clock(),
                full.trivyReports(), full.trivyIgnoreFiles(), full.vexFiles(), full.baseline(), full.reference(),
                full.inputs(), full.admissionPolicies()));
        assertThat(full.withClock(CLOCK)).isEqualTo(new GateRequest(ROOT, full.manifests(), full.policy(), CLOCK,
                full.trivyReports(), full.trivyIgnoreFiles(), full.vexFiles(), full.baseline(), full.reference(),
                full.inputs(), full.admissionPolicies()));
        assertThat(full.withReference(Set.of("fp-3")).reference()).containsExactly("fp-3");
        assertThat(full.withReference(Set.of("fp-3")).baseline()).contains(BASELINE);
        BaselineReference newest = BaselineReference.latest(new DirectoryStore(ROOT.resolve("c")));
        assertThat(full.withBaseline(newest).baseline()).contains(newest);
        assertThat(full.withBaseline(newest).reference()).isEqualTo(full.reference());
        assertThat(full.withAdmissionPolicies(List.of("policies")).admissionPolicies()).containsExactly("policies");
        assertThat(full.withAdmissionPolicies(List.of("policies")).withAdmissionPolicies(List.of("admission")))
                .isEqualTo(full);
        assertThat(full.withPolicy(strict).withClock(CLOCK).withReference(Set.of("fp-3")).admissionPolicies())
                .containsExactly("admission");
    }
}
