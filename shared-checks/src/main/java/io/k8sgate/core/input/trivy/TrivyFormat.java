package io.k8sgate.core.input.trivy;

/** The shape a report file was recognised as (detected from its content, never from its name). */
public enum TrivyFormat {
    /** {@code trivy image|fs|repo|config|sbom -f json} since v0.20 ({@code SchemaVersion: 2}). */
    SCHEMA_2("Trivy JSON (schema 2)"),
    /** An object with {@code Results} but no {@code SchemaVersion} (transitional, hand-made samples). */
    OBJECT_WITHOUT_SCHEMA("Trivy JSON (object without SchemaVersion)"),
    /** The list of results written before v0.20, including a top-level {@code null}. */
    LEGACY_LIST("Trivy JSON (legacy list, before v0.20)"),
    /** {@code trivy k8s -f json}, any era (split lists, {@code Resources}, summary {@code Findings}). */
    KUBERNETES("trivy k8s JSON"),
    /** Trivy-Operator {@code VulnerabilityReport} objects (YAML or JSON, single or a List). */
    OPERATOR("Trivy-Operator VulnerabilityReport"),
    /** A CycloneDX BOM that carries vulnerabilities. */
    CYCLONEDX("CycloneDX with vulnerabilities");

    private final String label;

    TrivyFormat(final String label) {
        this.label = label;
    }

    /** A name for people. */
    public String label() {
        return label;
    }
}
