package io.k8sgate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.check.image.ImageSettings;
import io.k8sgate.core.check.image.SeveritySource;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImagePolicyReaderTest {
    private final PolicyLoader loader = new PolicyLoader(new SecurityGate().checkIds());

    @Test
    void shouldReadEveryImageSetting() {
        Policy p = loader.parse("k8s-security.yaml", """
                images:
                  severitySource: RedHat
                  cvssThreshold: 7.5
                  fixableOnly: true
                  ignoreUnfixed: false
                  unknownSeverity: HIGH
                  missingReportSeverity: INFO
                  escalateByContext: false
                  requireDigest: true
                  allowedRegistries: [registry.example.com, docker.io/library]
                  artifactVulnerabilities: report
                  namespaces:
                    tools:
                      allowedRegistries: [ghcr.io/acme]
                """);
        assertThat(p.images()).isEqualTo(new ImageSettings(new SeveritySource("redhat"), Optional.of(7.5), true, false,
                Severity.HIGH, Severity.INFO, false, List.of("registry.example.com", "docker.io/library"),
                Map.of("tools", List.of("ghcr.io/acme")), ImageSettings.ArtifactVulnerabilities.REPORT));
        assertThat(p.images().allowedIn("tools")).containsExactly("ghcr.io/acme");
        assertThat(p.images().allowedIn("shop")).containsExactly("registry.example.com", "docker.io/library");
        assertThat(p.checks().get("K8S-IMG-004").enabled()).contains(true);
    }

    @Test
    void shouldBeDescribedByTheShippedSchema() throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.networknt.schema.JsonSchema schema;
        try (java.io.InputStream in = Policy.class.getResourceAsStream("k8s-security.schema.json")) {
            schema = com.networknt.schema.JsonSchemaFactory.getInstance(
                    com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(mapper.readTree(in));
        }
        java.util.function.Function<String, Integer> errors = yaml -> schema.validate(mapper.valueToTree(
                new io.k8sgate.core.input.YamlParser(io.k8sgate.core.input.LoaderLimits.DEFAULT)
                        .parse("p.yaml", yaml, d -> { }).get(0).root().orElseThrow().toJava())).size();
        String full = """
                images:
                  severitySource: nvd
                  cvssThreshold: 7.5
                  fixableOnly: true
                  ignoreUnfixed: false
                  unknownSeverity: HIGH
                  missingReportSeverity: info
                  escalateByContext: false
                  requireDigest: true
                  allowedRegistries: [registry.example.com, docker.io/library]
                  artifactVulnerabilities: gate
                  namespaces:
                    tools:
                      allowedRegistries: [ghcr.io/acme]
                """;
        loader.parse("p.yaml", full);
        assertThat(errors.apply(full)).isZero();
        assertThat(errors.apply("images:\n  artifactVulnerabilities: ignore\n")).isPositive();
        assertThat(errors.apply("images:\n  allowedRegistry: [x]\n")).isPositive();
        assertThat(errors.apply("images:\n  cvssThreshold: 12\n")).isPositive();
        assertThat(errors.apply("images:\n  namespaces:\n    tools:\n      registries: [x]\n")).isPositive();
    }

    @Test
    void shouldKeepDefaultsWithoutAnImagesSection() {
        assertThat(loader.parse("p.yaml", "failOn: CRITICAL\n").images()).isEqualTo(ImageSettings.DEFAULT);
        assertThat(Policy.DEFAULT.images()).isEqualTo(ImageSettings.DEFAULT);
    }

    @Test
    void shouldLetAnExplicitCheckSettingWinOverRequireDigest() {
        Policy p = loader.parse("p.yaml", "images:\n  requireDigest: true\nchecks:\n  K8S-IMG-004: false\n");
        assertThat(p.checks().get("K8S-IMG-004").enabled()).contains(false);
    }

    @Test
    void shouldRejectUnknownKeysAndBadValuesWithFileAndLine() {
        assertThatThrownBy(() -> loader.parse("p.yaml", """
                images:
                  severitySource: [nvd]
                  cvssThreshold: high
                  fixableOnly: maybe
                  unknownSeverity: SEVERE
                  allowedRegistry: [ghcr.io]
                  allowedRegistries: ghcr.io
                  namespaces:
                    tools:
                      registries: [x]
                """)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("p.yaml:2").hasMessageContaining("images.severitySource")
                .hasMessageContaining("p.yaml:3").hasMessageContaining("cvssThreshold must be a number")
                .hasMessageContaining("p.yaml:4").hasMessageContaining("p.yaml:5")
                .hasMessageContaining("p.yaml:6").hasMessageContaining("Unknown key 'allowedRegistry' in images")
                .hasMessageContaining("p.yaml:7").hasMessageContaining("p.yaml:10")
                .hasMessageContaining("Unknown key 'registries' in images.namespaces.tools");
        assertThatThrownBy(() -> loader.parse("p.yaml", "images:\n  cvssThreshold: 11\n"))
                .hasMessageContaining("between 0 and 10");
        assertThatThrownBy(() -> loader.parse("p.yaml", "images: true\n")).hasMessageContaining("p.yaml:1");
        assertThatThrownBy(() -> loader.parse("p.yaml", "images:\n  artifactVulnerabilities: ignore\n"))
                .hasMessageContaining("p.yaml:2").hasMessageContaining("images.artifactVulnerabilities must be gate")
                .hasMessageContaining("or report");
    }

    @Test
    void shouldReportABadFlagOrSeverityAlikeInTheImagesSectionAndTheRestOfThePolicy() {
        ConfigurationException e = (ConfigurationException) catchThrowable(() -> loader.parse("p.yaml", """
                failOnInputError: maybe
                checks:
                  K8S-WL-001: {severity: SEVERE}
                images:
                  fixableOnly: maybe
                  unknownSeverity: SEVERE
                """));

        assertThat(e.problems()).extracting(ConfigurationException.Problem::toString).containsExactlyInAnyOrder(
                "p.yaml:1: failOnInputError must be true or false (got 'maybe')",
                "p.yaml:3: checks.K8S-WL-001.severity must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO (got 'SEVERE')",
                "p.yaml:5: images.fixableOnly must be true or false (got 'maybe')",
                "p.yaml:6: images.unknownSeverity must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO (got 'SEVERE')");
    }
}
