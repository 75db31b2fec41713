package io.k8sgate.core.check.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.input.ImageRef;
import io.k8sgate.core.model.Severity;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryNotAllowedCheckTest extends AbstractImageCheckTest {
    @Override
    protected Check check() {
        return new RegistryNotAllowedCheck();
    }

    @Override
    ImageSettings imageSettings() {
        return new ImageSettings(SeveritySource.TRIVY, Optional.empty(), false, false, Severity.MEDIUM,
                Severity.MEDIUM, true, List.of("registry.example.com", "docker.io/library"),
                Map.of("tools", List.of("ghcr.io/acme")));
    }

    @Test
    void shouldAllowEverythingWhenNoListIsConfigured() {
        String yaml = Fixtures.read("checks/K8S-IMG-003/violating/registries.yaml");
        assertThat(check().evaluate(CheckContext.of(objects(yaml), CheckSettings.DEFAULT))).isEmpty();
    }

    @Test
    void shouldMatchRegistriesAndPathPrefixesAfterNormalisation() {
        ImageRef hub = ImageRef.parse("nginx").orElseThrow();
        assertThat(RegistryNotAllowedCheck.isAllowed(hub, List.of("index.docker.io"))).isTrue();
        assertThat(RegistryNotAllowedCheck.isAllowed(hub, List.of("docker.io/library/"))).isTrue();
        assertThat(RegistryNotAllowedCheck.isAllowed(hub, List.of("docker.io/bitnami"))).isFalse();
        ImageRef org = ImageRef.parse("bitnami/redis:7").orElseThrow();
        assertThat(RegistryNotAllowedCheck.isAllowed(org, List.of("bitnami"))).isTrue();
        ImageRef port = ImageRef.parse("localhost:5000/a/b:1").orElseThrow();
        assertThat(RegistryNotAllowedCheck.isAllowed(port, List.of("localhost:5000"))).isTrue();
        assertThat(RegistryNotAllowedCheck.isAllowed(port, List.of("localhost"))).isFalse();
        ImageRef prefix = ImageRef.parse("ghcr.io/acme-evil/x:1").orElseThrow();
        assertThat(RegistryNotAllowedCheck.isAllowed(prefix, List.of("ghcr.io/acme"))).isFalse();
    }
}
