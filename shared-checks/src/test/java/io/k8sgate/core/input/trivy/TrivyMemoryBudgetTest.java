package io.k8sgate.core.input.trivy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.input.InputException;
import io.k8sgate.core.input.MemoryBudget;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, item 8: a report with more vulnerabilities than the heap can hold is refused before it exhausts it. */
class TrivyMemoryBudgetTest {
    private static String report(final int vulnerabilities) {
        StringBuilder sb = new StringBuilder("{\"SchemaVersion\": 2, \"ArtifactName\": \"web:1\", \"Results\": [{"
                + "\"Target\": \"web:1 (debian 12.5)\", \"Class\": \"os-pkgs\", \"Vulnerabilities\": [\n");
        for (int i = 0; i < vulnerabilities; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{\"VulnerabilityID\": \"CVE-2026-").append(i)
                    .append("\", \"PkgName\": \"lib\", \"Severity\": \"HIGH\"}");
        }
        return sb.append("]}]}").toString();
    }

    private static TrivyDocument read(final String json, final MemoryBudget budget) {
        return new TrivyReportReader(budget).read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "big.json");
    }

    @Test
    void shouldReadWhatFitsAndRefuseWhatDoesNotNamingWhereReadingStoppedAndTheLimit() {
        MemoryBudget budget = MemoryBudget.of(2_048 * VulnerabilityCounter.BYTES_PER_VULNERABILITY);
        assertThat(read(report(2_000), budget).vulnerabilityCount()).isEqualTo(2_000);

        MemoryBudget small = MemoryBudget.of(2_048 * VulnerabilityCounter.BYTES_PER_VULNERABILITY);
        assertThatThrownBy(() -> read(report(5_000), small)).isInstanceOf(ReportException.class)
                .hasMessageStartingWith("big.json: holds more vulnerabilities than this run can keep in memory: "
                        + "reading stopped at Results[0].Vulnerabilities[2048], the report's vulnerability 2,049")
                .hasMessageContaining("-Xmx")
                .satisfies(e -> assertThat(((ReportException) e).line()).isEqualTo(2_050));
    }

    @Test
    void shouldShareOneBudgetAmongTheReportsOfARun(@TempDir final Path root) throws IOException {
        Files.writeString(root.resolve("a.json"), report(1_500));
        Files.writeString(root.resolve("b.json"), report(1_500));
        List<Diagnostic> problems = new ArrayList<>();

        TrivyReports reports = new TrivyInputLoader(MemoryBudget.of(2_048 * VulnerabilityCounter.BYTES_PER_VULNERABILITY))
                .load(root, List.of("a.json", "b.json"), List.of(), List.of(), LocalDate.of(2026, 3, 2),
                        problems::add);

        assertThat(reports.documents()).extracting(TrivyDocument::file).containsExactly("a.json");
        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.location().file()).isEqualTo("b.json");
            assertThat(d.location().line()).isPositive();
            assertThat(d.message()).startsWith("The report holds more vulnerabilities than this run can keep");
        });
    }

    @Test
    void shouldPayForAYamlReportBeforeParsingIt() {
        MemoryBudget tiny = MemoryBudget.of(1_000);
        assertThatThrownBy(() -> new TrivyReportReader(tiny).read(Fixtures.path(
                "trivy/trivy_operator_vulnerabilityreport.yaml"), "op.yaml")).isInstanceOf(InputException.class)
                .hasMessageContaining("op.yaml: is too large to read as YAML within the memory this run may use");
        assertThat(tiny.available()).as("nothing kept of a refused file").isEqualTo(1_000);
    }
}
