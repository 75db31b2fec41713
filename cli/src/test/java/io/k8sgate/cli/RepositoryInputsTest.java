package io.k8sgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.k8sgate.core.policy.Verdict;
import io.k8sgate.fixtures.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on repositories as teams keep them: paths anywhere, links, mixed trees, kustomizations (#13). */
class RepositoryInputsTest {
    private static final String PRIVILEGED = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
            + "  containers:\n    - name: c\n      image: registry.example.com/c:1\n"
            + "      securityContext: {privileged: true}\n";

    private static boolean kustomize() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "kubectl"))
                        || Files.isExecutable(Path.of(d, "kustomize")));
    }

    @Test
    void shouldHonourADirectoryNamedAnywhereWithoutARoot(@TempDir final Path dir) throws IOException {
        Files.writeString(dir.resolve("pod.yaml"), PRIVILEGED);

        MainTest.Run r = MainTest.run("check", dir.toString());

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(r.out()).contains("K8S-WL-001").contains(dir.toRealPath() + "/pod.yaml:9");
    }

    @Test
    void shouldRefuseAPathOutsideAnExplicitRoot(@TempDir final Path dir) throws IOException {
        Files.createDirectories(dir.resolve("root"));
        Files.writeString(dir.resolve("pod.yaml"), PRIVILEGED);

        MainTest.Run r = MainTest.run("check", "--root", dir.resolve("root").toString(), dir.resolve("pod.yaml")
                .toString());

        assertThat(r.code()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(r.out()).contains("outside the root directory").contains("[path-outside-root]");
    }

    @Test
    void shouldFailClosedOnADirectoryLinkThatLeavesTheWalkedTreeIssue16(@TempDir final Path dir) throws IOException {
        Files.createDirectories(dir.resolve("tree"));
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("tree/ok.yaml"), PRIVILEGED.replace("privileged: true", "privileged: false"));
        Files.writeString(dir.resolve("elsewhere/pod.yaml"), PRIVILEGED);
        Files.createSymbolicLink(dir.resolve("tree/linked"), dir.resolve("elsewhere"));

        MainTest.Run r = MainTest.run("check", dir.resolve("tree").toString());

        assertThat(r.code()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(r.out()).contains("The directory links outside the walked directory").contains("tree/linked");
    }

    @Test
    void shouldSkipAndListWhatIsNotAKubernetesObjectInAWalkedTree() {
        MainTest.Run r = MainTest.run("check", "--root", Fixtures.path("repos").toString(), "mixed");

        assertThat(r.code()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(r.out()).contains("Skipped 6 document(s) that are not Kubernetes objects: mixed/cloudbuild.yaml:2")
                .contains("K8S-WL-001 Deployment/shop/web [web] mixed/deploy/web.yaml:19");
    }

    @Test
    void shouldRenderAKustomizationAndNameThePatchLine() {
        assumeTrue(kustomize(), "Neither kustomize nor kubectl is on the PATH: skipped");

        MainTest.Run r = MainTest.run("check", "--root", Fixtures.path("repos").toString(), "kustomize/overlays/prod",
                "--kustomize-command", "kubectl kustomize");

        assertThat(r.code()).as(r.out()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(r.out()).contains("Rendered kustomization kustomize/overlays/prod: 4 object(s)")
                .contains("K8S-WL-001 Deployment/shop-prod/web [web] kustomize/overlays/prod/privileged.yaml:12");
    }

    @Test
    void shouldSayWhatToDoWhenTheKustomizeCommandIsMissing() {
        MainTest.Run r = MainTest.run("check", "--root", Fixtures.path("repos").toString(), "kustomize/overlays/prod",
                "--kustomize-command", "no-such-kustomize build");

        assertThat(r.code()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(r.out()).contains("kustomize/overlays/prod/kustomization.yaml")
                .contains("'no-such-kustomize' is not on the PATH");
    }

    @Test
    void shouldRefuseASetValueWithoutKey() {
        MainTest.Run r = MainTest.run("check", "--root", Fixtures.path("repos").toString(), "project/charts/shop",
                "--set", "just-a-value");

        assertThat(r.code()).isEqualTo(Verdict.EXIT_USAGE);
        assertThat(r.err()).contains("KEY=VALUE");
    }
}
