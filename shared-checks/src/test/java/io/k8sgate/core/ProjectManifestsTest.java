package io.k8sgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectManifestsTest {
    @TempDir
    Path project;

    @Test
    void shouldFindTheConventionalSourceFolders() throws IOException {
        Files.createDirectories(project.resolve("src/main/k8s"));
        Files.createDirectories(project.resolve("src/main/kubernetes"));

        assertThat(ProjectManifests.of(project, project.resolve("target/classes")))
                .containsExactly(project.resolve("src/main/k8s"), project.resolve("src/main/kubernetes"));
    }

    @Test
    void shouldFindNothingInAnEmptyProject() {
        assertThat(ProjectManifests.of(project, project.resolve("target/classes"))).isEmpty();
    }

    @Test
    void shouldPreferJKubePerObjectFilesOverTheAggregateAndIgnoreTheFragmentsWhenOutputExists() {
        Path app = Fixtures.path("samples/jkube-app");

        assertThat(ProjectManifests.of(app, app.resolve("classes")))
                .containsExactly(app.resolve("classes/META-INF/jkube/kubernetes").toAbsolutePath().normalize());
    }

    @Test
    void shouldReadTheJKubeAggregateWhenThereAreNoPerObjectFiles() throws IOException {
        Path jkube = Files.createDirectories(project.resolve("target/classes/META-INF/jkube"));
        Files.writeString(jkube.resolve("kubernetes.yml"), "apiVersion: v1\nkind: List\nitems: []\n");
        Files.createDirectories(jkube.resolve("kubernetes"));
        Files.writeString(jkube.resolve("openshift.yml"), "apiVersion: v1\nkind: List\nitems: []\n");

        assertThat(ProjectManifests.of(project, project.resolve("target/classes")))
                .containsExactly(jkube.resolve("kubernetes.yml"), jkube.resolve("openshift.yml"));
    }

    @Test
    void shouldReadJKubeFragmentsWhileNothingWasGenerated() throws IOException {
        Files.createDirectories(project.resolve("src/main/jkube"));

        assertThat(ProjectManifests.of(project, project.resolve("target/classes")))
                .containsExactly(project.resolve("src/main/jkube"));
    }

    @Test
    void shouldCheckEachJKubeObjectOnceWhenTheWholeOutputFolderIsGiven() {
        Path app = Fixtures.path("samples/jkube-app");

        GateOutcome outcome = new SecurityGate().run(GateRequest.of(app, java.util.List.of("classes")));

        assertThat(outcome.resources()).extracting(r -> r.kind() + "/" + r.name())
                .containsExactlyInAnyOrder("Service/orders", "Deployment/orders");
        // a directory's entries are walked in name order, as kubectl apply -R walks them: kubernetes/ before
        // kubernetes.yml, so the per-object files are read and the aggregate's copies are noted as read once
        assertThat(outcome.findings()).filteredOn(f -> f.checkId().equals("K8S-WL-001"))
                .extracting(f -> f.location().file())
                .containsExactly("classes/META-INF/jkube/kubernetes/orders-deployment.yml");
        assertThat(outcome.diagnostics()).filteredOn(d -> d.code().equals("duplicate-object")).hasSize(2)
                .allSatisfy(d -> assertThat(d.location().file()).isEqualTo("classes/META-INF/jkube/kubernetes.yml"));
    }
}
