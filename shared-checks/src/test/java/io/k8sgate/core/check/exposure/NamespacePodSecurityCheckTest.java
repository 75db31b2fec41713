package io.k8sgate.core.check.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class NamespacePodSecurityCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new NamespacePodSecurityCheck();
    }

    @Test
    void shouldTellMissingFromPrivileged() {
        assertThat(findings("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: a}
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: b
                  labels: {pod-security.kubernetes.io/enforce: privileged}
                """)).extracting(f -> f.message()).containsExactly(
                "Namespace 'a' has no pod-security.kubernetes.io/enforce label, so Pod Security Admission enforces "
                        + "the cluster's default level there: the defaults.enforce of the API server's "
                        + "AdmissionConfiguration, and privileged (which admits any pod) where that sets none",
                "Namespace 'b' enforces the privileged Pod Security level, which admits any pod");
    }
}
