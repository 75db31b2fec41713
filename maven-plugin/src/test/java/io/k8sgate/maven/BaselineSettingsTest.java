package io.k8sgate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.GateRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineSettingsTest {
    @TempDir
    Path project;

    @Test
    void shouldNotCompareWhenTheStoreDoesNotExist() {
        GateRequest request = BaselineSettings.defaults(project).apply(GateRequest.of(project, List.of(".")));

        assertThat(request.baseline()).isEmpty();
        assertThat(request.policy().newFindingsOnly()).isFalse();
    }

    @Test
    void shouldCompareWithTheChosenVersionOfAnExistingStore() throws IOException {
        Path store = Files.createDirectories(project.resolve("baselines"));
        BaselineSettings settings = new BaselineSettings(store, OptionalLong.of(3), Optional.of(true));

        GateRequest request = settings.apply(GateRequest.of(project, List.of(".")));

        assertThat(request.baseline()).hasValueSatisfying(r -> {
            assertThat(r.version()).hasValue(3);
            assertThat(r.store().describe()).contains("baselines");
        });
        assertThat(request.policy().newFindingsOnly()).isTrue();
    }
}
