package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppArmorProfileCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new AppArmorProfileCheck();
    }

    @Test
    void shouldAttributeAnAnnotationToItsContainer() {
        List<Finding> found = findings("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    metadata:
                      annotations:
                        container.apparmor.security.beta.kubernetes.io/web: unconfined
                    spec:
                      containers: [{name: web, image: "web:1"}]
                """);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.container()).isEqualTo("web");
            assertThat(f.fieldPath()).isEqualTo(
                    "spec.template.metadata.annotations[\"container.apparmor.security.beta.kubernetes.io/web\"]");
            assertThat(f.location().line()).isEqualTo(8);
            assertThat(f.message()).contains("'unconfined'");
        });
    }

    @Test
    void shouldReportAPodLevelUnconfinedProfileOnce() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext: {appArmorProfile: {type: Unconfined}}
                  containers: [{name: a, image: "a:1"}, {name: b, image: "b:1"}]
                """)).singleElement().satisfies(f -> {
                    assertThat(f.fieldPath()).isEqualTo("spec.securityContext.appArmorProfile.type");
                    assertThat(f.container()).isEmpty();
                    assertThat(f.message()).isEqualTo("Pod securityContext: appArmorProfile.type is 'Unconfined'");
                });
    }
}
