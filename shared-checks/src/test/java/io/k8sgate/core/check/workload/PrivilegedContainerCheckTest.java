package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegedContainerCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new PrivilegedContainerCheck();
    }

    @Test
    void shouldNameContainerFieldPathAndResource() {
        List<Finding> found = findings("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                spec:
                  template:
                    spec:
                      initContainers:
                        - name: init
                          image: busybox
                      containers:
                        - name: app
                          image: nginx
                          securityContext:
                            privileged: true
                """);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.container()).isEqualTo("app");
            assertThat(f.fieldPath()).isEqualTo("spec.template.spec.containers[0].securityContext.privileged");
            assertThat(f.resource().display()).isEqualTo("Deployment/shop/web");
            assertThat(f.location().line()).isEqualTo(16);
        });
    }

    @Test
    void shouldTreatQuotedTrueAsNotPrivilegedBecauseKubernetesRejectsIt() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: app
                      image: nginx
                      securityContext: {privileged: "true"}
                """)).isEmpty();
    }
}
