package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class RestrictedVolumeTypeCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new RestrictedVolumeTypeCheck();
    }

    @Test
    void shouldNameVolumeAndType() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: [{name: app, image: "app:1"}]
                  volumes:
                    - name: defaulted
                    - name: shared
                      nfs: {server: nfs.example.com, path: /}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.fieldPath()).isEqualTo("spec.volumes[1].nfs");
                    assertThat(f.message()).isEqualTo("Volume 'shared' uses the nfs volume type");
                });
    }

    @Test
    void shouldAllowTheCoreSourcesIncludingImageVolumes() {
        assertThat(RestrictedVolumeTypeCheck.ALLOWED).hasSize(9).contains("image", "ephemeral", "csi")
                .doesNotContain("hostPath", "gitRepo");
    }
}
