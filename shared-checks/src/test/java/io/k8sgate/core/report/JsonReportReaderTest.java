package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JsonReportReaderTest {
    @Test
    void shouldReadBackTheFingerprintsTheWriterWrote() throws Exception {
        GateOutcome outcome = new SecurityGate().run(
                GateRequest.of(Fixtures.path("samples/privileged"), List.of("pod.yaml")));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        new JsonReportWriter().write(outcome, json);

        assertThat(outcome.findings()).isNotEmpty();
        assertThat(JsonReportReader.fingerprints(new ByteArrayInputStream(json.toByteArray()), "report.json"))
                .isEqualTo(outcome.findings().stream().map(Finding::fingerprint).collect(Collectors.toSet()));
    }

    @Test
    void shouldReadEmptySetWhenNoFindings() throws Exception {
        assertThat(JsonReportReader.fingerprints(stream("{\"schemaVersion\":\"1.0\",\"findings\":[]}"), "r"))
                .isEmpty();
    }

    @Test
    void shouldRefuseOtherSchemaVersions() {
        assertThatIOException().isThrownBy(() -> JsonReportReader.fingerprints(
                stream("{\"schemaVersion\":\"2.0\",\"findings\":[]}"), "old.json"))
                .withMessageContaining("old.json").withMessageContaining("'2.0'");
    }

    @Test
    void shouldRefuseBrokenJsonNamingTheFile() {
        assertThatIOException().isThrownBy(() -> JsonReportReader.fingerprints(stream("{\"schema"), "cut.json"))
                .withMessageStartingWith("cut.json is not a readable JSON report");
    }

    @Test
    void shouldRefuseFindingWithoutFingerprint() {
        assertThatIOException().isThrownBy(() -> JsonReportReader.fingerprints(
                stream("{\"schemaVersion\":\"1.0\",\"findings\":[{\"checkId\":\"K8S-WL-001\"}]}"), "r.json"))
                .withMessageContaining("without a fingerprint");
    }

    private static InputStream stream(final String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
