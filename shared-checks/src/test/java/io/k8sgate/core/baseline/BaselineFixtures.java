package io.k8sgate.core.baseline;

import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.ToolInfo;
import io.k8sgate.core.check.workload.PrivilegedContainerCheck;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.fixtures.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Snapshots and provenance built from the shared baseline fixtures. */
final class BaselineFixtures {
    static final Instant TIME = Instant.parse("2026-11-27T10:00:00Z");
    /** Only the privileged-container check, so that the expected findings stay fixed as the catalogue grows. */
    static final SecurityGate GATE = new SecurityGate(new CheckRegistry(List.of(new PrivilegedContainerCheck())),
            new ManifestLoader());

    private BaselineFixtures() {
    }

    /** The snapshot of {@code baselines/app/<name>}. */
    static Snapshot app(final String name) {
        return GATE.runCapturing(GateRequest.of(Fixtures.path("baselines/app/" + name),
                List.of("."))).snapshot();
    }

    static Provenance provenance(final String build) {
        return new Provenance(TIME, Optional.of("0123456789abcdef0123456789abcdef01234567"), Optional.of(build),
                "sha256:policy", ToolInfo.version());
    }
}
