package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image checks' findings land in the reports' image sections, grouped per image with their workloads. */
class ImageReportSectionsTest {
    @TempDir
    Path root;

    private GateOutcome outcome(final String report) throws IOException {
        Files.writeString(root.resolve("deploy.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                        - {name: app, image: "registry.example.com/shop/web:1.4.2"}
                        - {name: cache, image: "redis:7.2"}
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: "<b>migrate</b>", namespace: shop}
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - {name: run, image: "registry.example.com/shop/web:1.4.2"}
                """);
        Files.writeString(root.resolve("report.json"), report);
        return new SecurityGate().run(GateRequest.of(root, List.of("deploy.yaml"))
                .withTrivy(List.of("report.json"), List.of(), List.of()));
    }

    @Test
    void shouldGroupVulnerabilitiesPerImageWithEveryWorkloadInHtml() throws IOException {
        String html = new HtmlReportWriter().render(outcome(Fixtures.read("trivy/trivy_schema2_image.json")));
        String images = html.substring(html.indexOf("id=\"k8sgate-images\""));
        assertThat(images).contains("registry.example.com/shop/web:1.4.2", "CVE-2024-0001", "libssl3",
                "3.0.13-1~deb12u1", "6.0.3.1, 5.2.4.3", "Deployment/shop/web [app]",
                "Job/shop/&lt;b&gt;migrate&lt;/b&gt; [run]");
        assertThat(html).doesNotContain("<b>migrate</b>");
        assertThat(images.substring(0, images.indexOf("</section>"))).as("image policy findings stay by resource")
                .doesNotContain("K8S-IMG-002");
    }

    @Test
    void shouldListImagesWithTheirWorkloadsInMarkdown() throws IOException {
        String md = new MarkdownReportWriter().render(outcome(Fixtures.read("trivy/trivy_schema2_image.json")));
        assertThat(md).contains("### Vulnerabilities by image", "`registry.example.com/shop/web:1.4.2`",
                "Deployment/shop/web \\[app\\]", "CVE-2024-0001");
    }

    /** Issue 17: the vulnerabilities of a file-system scan have a section of their own, and gate by default. */
    @Test
    void shouldListTheVulnerabilitiesOfOtherScansInTheirOwnSectionIssue17() throws IOException {
        GateOutcome outcome = outcome(Fixtures.read("trivy/checks/K8S-IMG-009/source-tree/fs.json"));

        String html = new HtmlReportWriter().render(outcome);
        org.jsoup.nodes.Document doc = HtmlStructure.assertValid(html);
        assertThat(doc.select("#k8sgate-artifacts h2").text()).isEqualTo("Vulnerabilities in other scans");
        assertThat(doc.select("#k8sgate-artifacts").text()).contains("CVE-2021-23337", "lodash", "4.17.21",
                "golang.org/x/net", "filesystem", "they count like the others (images.artifactVulnerabilities: gate)");
        assertThat(doc.select(".toc").text()).contains("Vulnerabilities in other scans 2");
        assertThat(doc.select("#k8sgate-findings").text()).doesNotContain("CVE-2021-23337");
        assertThat(outcome.decision().blocking()).as("HIGH: they gate").hasSizeGreaterThanOrEqualTo(2);

        String md = new MarkdownReportWriter().render(outcome);
        assertThat(md).contains("### Vulnerabilities in other scans", "| `.` | 0 | 2 |", "CVE-2021-23337",
                "CVE-2023-39325");
    }
}
