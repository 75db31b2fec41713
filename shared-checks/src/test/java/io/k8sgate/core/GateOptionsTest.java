package io.k8sgate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateOptionsTest {
    private static final Set<String> IDS = new SecurityGate().checkIds();

    @TempDir
    Path root;

    @Test
    void shouldUseTheDefaultPolicyWhenNoFileIsNamedOrPresent() {
        GateRequest request = GateOptions.of(root, List.of(".")).toRequest(IDS, Clock.systemUTC());

        assertThat(request.policy()).isEqualTo(Policy.DEFAULT);
        assertThat(request.manifests()).containsExactly(".");
    }

    @Test
    void shouldReadTheImplicitPolicyFileInTheRoot() throws IOException {
        Files.writeString(root.resolve("k8s-security.yaml"), "failOn: CRITICAL\nwarnOn: NONE\n");

        Policy policy = GateOptions.of(root, List.of(".")).toRequest(IDS, Clock.systemUTC()).policy();

        assertThat(policy.failOn()).contains(Severity.CRITICAL);
        assertThat(policy.warnOn()).isEmpty();
        assertThat(policy.source()).endsWith("k8s-security.yaml");
    }

    @Test
    void shouldApplyOverridesOnTopOfThePolicyFile() throws IOException {
        Path file = Files.writeString(root.resolve("team.yaml"), "failOn: CRITICAL\nwarnOn: HIGH\n");
        GateOptions options = new GateOptions(root, List.of("."), List.of(), List.of(), List.of(),
                Optional.of(file), Optional.of("none"), Optional.of("low"), Optional.of(false), true);

        Policy policy = options.toRequest(IDS, Clock.systemUTC()).policy();

        assertThat(policy.failOn()).isEmpty();
        assertThat(policy.warnOn()).contains(Severity.LOW);
        assertThat(policy.failOnInputError()).isFalse();
        assertThat(policy.enableAll()).isTrue();
    }

    @Test
    void shouldRefuseAThresholdThatIsNotASeverity() {
        GateOptions options = new GateOptions(root, List.of("."), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.of("HIHG"), Optional.empty(), Optional.empty(), false);

        assertThatThrownBy(() -> options.toRequest(IDS, Clock.systemUTC()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("failOn").hasMessageContaining("HIHG");
    }

    @Test
    void shouldRefuseAMissingPolicyFile() {
        Path missing = root.resolve("nope.yaml");
        GateOptions options = new GateOptions(root, List.of("."), List.of(), List.of(), List.of(),
                Optional.of(missing), Optional.empty(), Optional.empty(), Optional.empty(), false);

        assertThatThrownBy(() -> options.toRequest(IDS, Clock.systemUTC()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("nope.yaml")
                .hasMessageContaining("does not exist");
    }
}
