package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class ImageTagCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new ImageTagCheck();
    }

    @Test
    void shouldSayWhetherTheTagIsMissingOrLatest() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - {name: a, image: "registry.example.com:5000/app"}
                    - {name: b, image: "app:latest"}
                """)).extracting(f -> f.message()).containsExactly(
                "Container 'a' uses image 'registry.example.com:5000/app' without a tag",
                "Container 'b' uses image 'app:latest' with the mutable tag latest");
    }
}
