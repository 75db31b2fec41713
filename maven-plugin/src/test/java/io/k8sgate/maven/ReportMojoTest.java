package io.k8sgate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report goal takes the check goal's parameters, and never fails the build because of the decision. */
class ReportMojoTest {
    @TempDir
    Path work;

    private final RecordingLog log = new RecordingLog();

    @Test
    void shouldWriteTheHtmlReportWithTheCheckGoalsParametersWithoutFailing() throws Exception {
        ReportMojo mojo = mojo(Fixtures.path("samples/image-app"), Map.of("trivyReports", List.of("scans/web.json"),
                "failOn", "CRITICAL"));

        mojo.execute();

        Path page = work.resolve("site/k8s-security-report.html");
        assertThat(page).isRegularFile();
        assertThat(Files.readString(page)).contains("decision-fail", "CVE-2026-10001");
        assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("INFO K8s Security Gate: FAIL"));
        assertThat(mojo.canGenerateReport()).isTrue();
    }

    @Test
    void shouldOfferNoPageWhenSkippedOrWithoutManifests() {
        assertThat(mojo(Fixtures.path("samples/maven-app"), Map.of("skip", true)).canGenerateReport()).isFalse();
        assertThat(mojo(work, Map.of()).canGenerateReport()).isFalse();
    }

    private ReportMojo mojo(final Path basedir, final Map<String, Object> parameters) {
        MavenProject project = new MavenProject();
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.getBuild().setOutputDirectory(basedir.resolve("target/classes").toString());
        ReportMojo mojo = Mojos.configure(new ReportMojo(), Map.of("project", project, "reportOutputDirectory",
                work.resolve("site").toFile()));
        Mojos.configure(mojo, parameters).setLog(log);
        return mojo;
    }
}
