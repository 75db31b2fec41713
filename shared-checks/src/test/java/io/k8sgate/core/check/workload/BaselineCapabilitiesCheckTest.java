package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineCapabilitiesCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new BaselineCapabilitiesCheck();
    }

    @Test
    void shouldReportEachForbiddenEntryAtItsIndex() {
        List<Finding> found = findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  initContainers:
                    - name: setup
                      image: busybox:1
                      securityContext:
                        capabilities:
                          add: [CHOWN, SYS_ADMIN, CAP_NET_ADMIN]
                  containers: [{name: app, image: "app:1"}]
                """);
        assertThat(found).extracting(Finding::fieldPath).containsExactly(
                "spec.initContainers[0].securityContext.capabilities.add[1]",
                "spec.initContainers[0].securityContext.capabilities.add[2]");
        assertThat(found.get(0).message())
                .isEqualTo("Init container 'setup' adds capability 'SYS_ADMIN', which the Baseline profile does "
                        + "not allow");
    }

    @Test
    void shouldAllowEveryNameOfTheBaselineSet() {
        assertThat(BaselineCapabilitiesCheck.ALLOWED).hasSize(13).contains("NET_BIND_SERVICE", "SYS_CHROOT")
                .doesNotContain("NET_RAW", "SYS_ADMIN");
    }
}
