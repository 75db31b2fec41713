package io.k8sgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.k8sgate.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code namespace} parameter is the namespace the project's manifests are deployed to: plain manifests that name
 * none are checked in it, as the command line's {@code --namespace} does, so a service account and the
 * ClusterRoleBinding that names it there are one subject.
 */
class NamespaceParameterTest {
    private static final Path APP = Fixtures.path("repos/deploy-namespace");

    @TempDir
    Path work;

    private final RecordingLog log = new RecordingLog();

    private String failure(final String namespace) {
        MavenProject project = new MavenProject();
        project.setFile(APP.resolve("pom.xml").toFile());
        project.getBuild().setOutputDirectory(APP.resolve("target/classes").toString());
        Map<String, Object> parameters = new HashMap<>(Map.of("project", project, "manifests",
                List.of("account.yaml", "worker.yaml", "cluster-binding.yaml"), "formats", List.of("json"),
                "outputDirectory", work.resolve(namespace.isEmpty() ? "unset" : namespace).toFile()));
        if (!namespace.isEmpty()) {
            parameters.put("namespace", namespace);
        }
        CheckMojo mojo = Mojos.configure(new CheckMojo(), parameters);
        mojo.setLog(log);
        return catchThrowableOfType(MojoFailureException.class, mojo::execute).getMessage();
    }

    @Test
    void shouldCheckPlainManifestsInTheNamespaceTheyAreDeployedTo() throws Exception {
        String unset = failure("");
        String inOps = failure("ops");

        assertThat(unset).doesNotContain("K8S-RBAC-018");
        assertThat(inOps).contains("CRITICAL K8S-RBAC-018 Deployment/ops/worker");
        assertThat(Files.readString(work.resolve("ops/k8s-security-report.json")))
                .contains("\"namespace\" : \"ops\"");
    }
}
