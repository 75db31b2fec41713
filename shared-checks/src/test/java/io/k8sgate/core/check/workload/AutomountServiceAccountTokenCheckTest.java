package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class AutomountServiceAccountTokenCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new AutomountServiceAccountTokenCheck();
    }

    @Test
    void shouldNameTheInheritingServiceAccountAndWhereItIs() {
        assertThat(findings("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: app, namespace: shop}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: shop}
                spec:
                  serviceAccountName: app
                  containers:
                    - {name: a, image: "a:1"}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("inherits the token from service account 'app'")
                            .contains("(test.yaml:1)");
                    assertThat(f.fieldPath()).isEqualTo("spec.automountServiceAccountToken");
                    assertThat(f.container()).isEmpty();
                });
    }

    @Test
    void shouldSayWhenTheServiceAccountIsNotAmongTheInputs() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - {name: a, image: "a:1"}
                """)).singleElement().satisfies(f -> assertThat(f.message())
                        .contains("service account 'default' is not among the inputs"));
    }
}
