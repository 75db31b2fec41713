package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class ImagePullPolicyCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new ImagePullPolicyCheck();
    }

    @Test
    void shouldExplainTheDefaultedPolicyWhenNoneIsWritten() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - {name: a, image: "app:1.0"}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("no imagePullPolicy (so IfNotPresent)");
                    assertThat(f.fieldPath()).isEqualTo("spec.containers[0].imagePullPolicy");
                });
    }

    @Test
    void shouldSayHowTheImageIsReferenced() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - {name: tagged, image: "app:1.0", imagePullPolicy: IfNotPresent}
                    - {name: untagged, image: "argocd-job", imagePullPolicy: IfNotPresent}
                    - {name: port-only, image: "registry.example.com:5000/web", imagePullPolicy: Never}
                """)).extracting(f -> f.message()).containsExactly(
                "Container 'tagged' uses image 'app:1.0', referenced by tag, with imagePullPolicy IfNotPresent",
                "Container 'untagged' uses image 'argocd-job', untagged (so :latest), with imagePullPolicy "
                        + "IfNotPresent",
                "Container 'port-only' uses image 'registry.example.com:5000/web', untagged (so :latest), with "
                        + "imagePullPolicy Never");
    }
}
