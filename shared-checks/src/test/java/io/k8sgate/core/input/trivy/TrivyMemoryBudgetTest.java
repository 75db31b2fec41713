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
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 8: a report holding more than the heap can keep is refused before it exhausts it, whatever it is made
 * of: vulnerabilities, other findings, results, long texts or a map that grows without end.
 */
class TrivyMemoryBudgetTest {
    /** A budget of this many bytes: a few hundred findings, so that the reports below are small. */
    private static final long SMALL = 512 * 1024;

    private static String report(final int vulnerabilities) {
        return report("Vulnerabilities", vulnerabilities, i -> "{\"VulnerabilityID\": \"CVE-2026-" + i
                + "\", \"PkgName\": \"lib\", \"Severity\": \"HIGH\"}");
    }

    /** An image report with one result listing {@code n} entries under {@code list}, one per line. */
    private static String report(final String list, final int n, final IntFunction<String> entry) {
        StringBuilder sb = new StringBuilder("{\"SchemaVersion\": 2, \"ArtifactName\": \"web:1\", \"Results\": [{"
                + "\"Target\": \"web:1 (debian 12.5)\", \"Class\": \"os-pkgs\", \"" + list + "\": [\n");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",\n").append(entry.apply(i));
        }
        return sb.append("]}]}").toString();
    }

    private static TrivyDocument read(final String json, final MemoryBudget budget) {
        return new TrivyReportReader(budget).read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "big.json");
    }

    @Test
    void shouldReadWhatFitsAndRefuseWhatDoesNotNamingWhereReadingStoppedAndTheLimit() {
        MemoryBudget budget = MemoryBudget.of(2_048 * ReportMemory.BYTES_PER_VULNERABILITY);
        assertThat(read(report(2_000), budget).vulnerabilityCount()).isEqualTo(2_000);

        MemoryBudget small = MemoryBudget.of(2_048 * ReportMemory.BYTES_PER_VULNERABILITY);
        assertThatThrownBy(() -> read(report(5_000), small)).isInstanceOf(ReportException.class)
                .hasMessageStartingWith("big.json: holds more than this run can keep in memory: reading stopped at "
                        + "Results[0].Vulnerabilities[")
                .hasMessageContaining("vulnerabilities, 0 other findings and 0 characters of long text), as the "
                        + "inputs may use")
                .hasMessageContaining("-Xmx")
                .satisfies(e -> {
                    // stopped within the budget's block of a vulnerability's cost, on the line of the vulnerability
                    int line = ((ReportException) e).line();
                    assertThat(line).isBetween(2_048, 2_048 + 2_048 * 1_600 / 1_156 + 64);
                    assertThat(e.getMessage()).contains("Results[0].Vulnerabilities[" + (line - 2) + "]");
                });
        assertThat(small.available()).as("a refused report keeps nothing").isEqualTo(small.limit());
    }

    /** Each kind of entry a report can hold many of is paid for: none fills the heap unpaid. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "Misconfigurations | {\"ID\": \"DS002\", \"Title\": \"root\", \"Message\": \"USER root\","
                + " \"Severity\": \"HIGH\"}",
        "Secrets | {\"RuleID\": \"aws-access-key-id\", \"Severity\": \"CRITICAL\", \"StartLine\": 3}",
        "Licenses | {\"Name\": \"GPL-3.0\", \"Category\": \"restricted\", \"Severity\": \"HIGH\"}",
        "Misconfigurations | null"})
    void shouldPayForEveryFindingAReportHolds(final String list, final String entry) {
        String json = report(list, 5_000, i -> entry);
        assertThatThrownBy(() -> read(json, MemoryBudget.of(SMALL))).isInstanceOf(ReportException.class)
                .hasMessageContaining("holds more than this run can keep in memory: reading stopped at Results[0]."
                        + list + "[")
                .hasMessageMatching("(?s).*\\(so far 0 vulnerabilities, [1-9][0-9,]* other findings and 0 "
                        + "characters.*");
        ScanResult fits = read(report(list, 100, i -> entry), MemoryBudget.of(SMALL)).reports().get(0).results()
                .get(0);
        assertThat(fits.misconfigurations().size() + fits.secrets().size() + fits.licenses().size())
                .as("what fits is read").isEqualTo(100);
    }

    @Test
    void shouldPayForResultsThatHoldNothing() {
        StringBuilder sb = new StringBuilder("{\"SchemaVersion\": 2, \"ArtifactName\": \"web:1\", \"Results\": [");
        for (int i = 0; i < 50_000; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{}");
        }
        String json = sb.append("]}").toString();
        assertThatThrownBy(() -> read(json, MemoryBudget.of(SMALL))).isInstanceOf(ReportException.class)
                .hasMessageContaining("reading stopped at Results[");
    }

    @Test
    void shouldPayForTheCharactersOfLongTexts() {
        String title = "x".repeat(60_000);
        String json = report("Vulnerabilities", 10, i -> "{\"VulnerabilityID\": \"CVE-2026-" + i + "\", \"PkgName\": "
                + "\"lib\", \"Title\": \"" + title + "\", \"Severity\": \"HIGH\"}");
        assertThatThrownBy(() -> read(json, MemoryBudget.of(SMALL))).isInstanceOf(ReportException.class)
                .hasMessageContaining("reading stopped at Results[0].Vulnerabilities[1].Title")
                .hasMessageContaining(
                        "(so far 2 vulnerabilities, 0 other findings and 120,000 characters of long text)");
    }

    @Test
    void shouldPayForTheEntriesOfAMapThatGrowsWithoutEnd() {
        StringBuilder vendors = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            vendors.append(i == 0 ? "" : ", ").append("\"vendor").append(i).append("\": 3");
        }
        String json = report("Vulnerabilities", 1, i -> "{\"VulnerabilityID\": \"CVE-2026-1\", \"Severity\": \"HIGH\", "
                + "\"VendorSeverity\": {" + vendors + "}}");
        assertThatThrownBy(() -> read(json, MemoryBudget.of(SMALL))).isInstanceOf(ReportException.class)
                .hasMessageContaining("reading stopped at Results[0].Vulnerabilities[0].VendorSeverity.vendor");
    }

    @Test
    void shouldPayForTheChecksOfAnOperatorReport() {
        StringBuilder checks = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            checks.append(i == 0 ? "" : ",\n").append("{\"checkID\": \"KSV").append(i)
                    .append("\", \"severity\": \"HIGH\", \"success\": false}");
        }
        String json = "{\"apiVersion\": \"aquasecurity.github.io/v1alpha1\", \"kind\": \"ConfigAuditReport\", "
                + "\"metadata\": {\"name\": \"replicaset-web\"}, \"report\": {\"checks\": [\n" + checks + "]}}";
        assertThatThrownBy(() -> read(json, MemoryBudget.of(SMALL))).isInstanceOf(ReportException.class)
                .hasMessageContaining("reading stopped at report.checks[");
    }

    @Test
    void shouldShareOneBudgetAmongTheReportsOfARun(@TempDir final Path root) throws IOException {
        Files.writeString(root.resolve("a.json"), report(1_500));
        Files.writeString(root.resolve("b.json"), report(1_500));
        List<Diagnostic> problems = new ArrayList<>();

        TrivyReports reports = new TrivyInputLoader(MemoryBudget.of(2_048 * ReportMemory.BYTES_PER_VULNERABILITY))
                .load(root, List.of("a.json", "b.json"), List.of(), List.of(), LocalDate.of(2026, 3, 2),
                        problems::add);

        assertThat(reports.documents()).extracting(TrivyDocument::file).containsExactly("a.json");
        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.location().file()).isEqualTo("b.json");
            assertThat(d.location().line()).isPositive();
            assertThat(d.message()).startsWith("The report holds more than this run can keep in memory");
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
