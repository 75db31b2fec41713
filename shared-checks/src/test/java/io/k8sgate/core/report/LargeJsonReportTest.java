package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.Finding;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report with thousands of findings, whose findings are rendered in parallel chunks, reads as one document. */
class LargeJsonReportTest {
    private static final int PODS = 700;

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheSameBytesAsOneSequentialPassInTheFindingsOrder() throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < PODS; i++) {
            yaml.append("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: pod-%d
                      namespace: "ns-\\u00e9\\"quoted\\"-%d"
                    spec:
                      hostNetwork: true
                      containers:
                        - name: "app-\\u2603"
                          image: registry.example.com/app:latest
                          securityContext:
                            privileged: true
                    ---
                    """.formatted(i, i % 7));
        }
        GateOutcome outcome = Outcomes.run(dir, yaml.toString(), "failOn: CRITICAL\n");
        assertThat(outcome.findings()).hasSizeGreaterThan(8 * 1_024);

        String written = Outcomes.render(new JsonReportWriter(), outcome);

        ObjectMapper plain = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode tree = plain.readTree(written);
        assertThat(plain.writeValueAsString(tree)).as("the text one pretty-printing pass gives").isEqualTo(written);
        List<String> fingerprints = new ArrayList<>();
        tree.path("findings").forEach(f -> fingerprints.add(f.path("fingerprint").asText()));
        assertThat(fingerprints).containsExactlyElementsOf(outcome.findings().stream().map(Finding::fingerprint)
                .toList());
        assertThat(tree.path("summary").path("findings").asInt()).isEqualTo(outcome.findings().size());
        assertThat(plain.writeValueAsString(JsonReportWriter.toReport(outcome)))
                .as("the same report written as characters rather than bytes").isEqualTo(written);
        assertThat(tree.path("findings").get(0).path("resource").path("namespace").asText())
                .startsWith("ns-\u00e9\"quoted\"-");
    }

    @Test
    void shouldOfferRenderedJsonInEveryFormAStringOffers() throws IOException {
        String text = "{ \"name\" : \"caf\u00e9 \\ \u2603\" }";
        JsonReportWriter.RawJson raw = new JsonReportWriter.RawJson(text.getBytes(StandardCharsets.UTF_8));
        SerializedString reference = new SerializedString(text);

        assertThat(raw.getValue()).isEqualTo(text);
        assertThat(raw.charLength()).isEqualTo(text.length());
        assertThat(raw.asUnquotedUTF8()).isEqualTo(reference.asUnquotedUTF8());
        assertThat(raw.asQuotedUTF8()).isEqualTo(reference.asQuotedUTF8());
        assertThat(raw.asQuotedChars()).isEqualTo(reference.asQuotedChars());

        byte[] bytes = new byte[64];
        assertThat(raw.appendUnquotedUTF8(bytes, 2)).isEqualTo(reference.asUnquotedUTF8().length);
        assertThat(raw.appendUnquotedUTF8(bytes, 60)).isEqualTo(-1);
        assertThat(raw.appendQuotedUTF8(bytes, 0)).isEqualTo(reference.asQuotedUTF8().length);
        char[] chars = new char[64];
        assertThat(raw.appendUnquoted(chars, 1)).isEqualTo(text.length());
        assertThat(new String(chars, 1, text.length())).isEqualTo(text);
        assertThat(raw.appendQuoted(chars, 0)).isEqualTo(reference.asQuotedChars().length);
        assertThat(raw.appendQuoted(new char[3], 0)).isEqualTo(-1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        raw.writeUnquotedUTF8(out);
        raw.writeQuotedUTF8(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(text + new String(reference.asQuotedChars()));
        ByteBuffer roomy = ByteBuffer.allocate(64);
        assertThat(raw.putUnquotedUTF8(roomy)).isEqualTo(reference.asUnquotedUTF8().length);
        assertThat(raw.putQuotedUTF8(roomy)).isEqualTo(reference.asQuotedUTF8().length);
        assertThat(raw.putQuotedUTF8(ByteBuffer.allocate(4))).isEqualTo(-1);
    }
}
