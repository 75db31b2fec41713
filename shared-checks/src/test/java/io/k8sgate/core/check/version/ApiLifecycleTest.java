package io.k8sgate.core.check.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.k8sgate.core.check.KubernetesVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiLifecycleTest {
    @Test
    void shouldLoadTheBuiltInTableWithConsistentRows() {
        List<ApiLifecycle.Entry> entries = ApiLifecycle.builtIn().entries();
        assertThat(entries).hasSizeGreaterThan(50).allSatisfy(e -> {
            assertThat(e.apiVersion()).contains("/");
            assertThat(e.kind()).doesNotEndWith("List");
            assertThat(e.deprecatedIn().isPresent() || e.removedIn().isPresent()).isTrue();
            e.removedIn().ifPresent(r -> e.deprecatedIn().ifPresent(d -> assertThat(r.isAtLeast(d)).isTrue()));
            e.replacement().ifPresent(r -> assertThat(r).isNotEqualTo(e.apiVersion()));
        });
    }

    @Test
    void shouldRejectMalformedRowsWithTheLineNumber() {
        assertThatIllegalStateException().isThrownBy(() -> ApiLifecycle.parse(List.of("# header",
                "apps/v1beta1\tDeployment\t1.9\t1.16\tapps/v1")))
                .withMessageContaining("line 2").withMessageContaining("expected 6");
        assertThatIllegalStateException().isThrownBy(() -> ApiLifecycle.parse(List.of(
                "apps/v1beta1\tDeployment\tsoon\t1.16\tapps/v1\t1.9"))).withMessageContaining("soon");
        assertThatIllegalStateException().isThrownBy(() -> ApiLifecycle.parse(List.of(
                "apps/v1beta1\tDeployment\t1.9\t1.16\tapps/v1\t1.9",
                "apps/v1beta1\tDeployment\t1.9\t1.16\tapps/v1\t1.9"))).withMessageContaining("Duplicate row");
    }

    @Test
    void shouldTellRemovedFromDeprecated() {
        ApiLifecycle.Entry entry = ApiLifecycle.parse(List.of("batch/v1beta1\tCronJob\t1.21\t1.25\tbatch/v1\t-"))
                .entries().get(0);
        assertThat(entry.isDeprecatedIn(new KubernetesVersion(1, 24))).isTrue();
        assertThat(entry.isRemovedIn(new KubernetesVersion(1, 24))).isFalse();
        assertThat(entry.isRemovedIn(new KubernetesVersion(1, 25))).isTrue();
        assertThat(entry.isDeprecatedIn(new KubernetesVersion(1, 25))).isFalse();
        assertThat(entry.advice()).isEqualTo("use batch/v1");
    }
}
