package io.k8sgate.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.policy.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store lookup of the engine alone: directories inside the workspace; no module handles URLs here. */
class BaselineStoresTest {
    private static final String COMMIT = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

    @TempDir
    Path temp;

    @Test
    void shouldOpenADirectoryStoreBelowTheRootWithoutCreatingIt() {
        Path root = temp.resolve("ws");

        BaselineStore store = BaselineStores.open(StoreLocation.of(".k8s-security/baselines", root));

        assertThat(store).isInstanceOfSatisfying(DirectoryStore.class, d -> assertThat(d.directory())
                .isEqualTo(root.toAbsolutePath().resolve(".k8s-security/baselines")));
        assertThat(root).doesNotExist();
    }

    @Test
    void shouldFailTheFirstReadOfAStoreThatDoesNotExist() {
        BaselineStore store = BaselineStores.open(StoreLocation.of("missing", temp));

        assertThatThrownBy(store::history).isInstanceOf(BaselineException.class).hasMessageContaining("missing");
    }

    @Test
    void shouldRefuseADirectoryOutsideTheRoot() throws IOException {
        Path root = Files.createDirectories(temp.resolve("ws"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("link"), elsewhere);

        for (String location : new String[] {"../elsewhere", elsewhere.toString(), "link/baselines"}) {
            assertThatThrownBy(() -> BaselineStores.open(StoreLocation.of(location, root)))
                    .as(location).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(location).hasMessageContaining("outside the root");
        }
    }

    @Test
    void shouldRefuseAUrlThatNoStoreModuleHandles() {
        assertThat(BaselineStores.providers()).isEmpty();

        for (String url : new String[] {"https://git.example.com/team/baselines.git", "git@example.com:b.git"}) {
            assertThat(BaselineStores.isRemote(url)).isTrue();
            assertThatThrownBy(() -> BaselineStores.open(StoreLocation.of(url, temp)))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining(url)
                    .hasMessageContaining("k8s-security-baseline-git");
        }
        assertThat(BaselineStores.isRemote("baselines")).isFalse();
    }

    @Test
    void shouldRecordNoRevisionWithoutAStoreModuleThatReadsGit() throws IOException {
        Files.createDirectories(temp.resolve(".git/refs/heads"));
        Files.writeString(temp.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(temp.resolve(".git/refs/heads/main"), COMMIT + "\n");

        // the engine alone reads no Git files: the Git module, which every front end bundles, reads them with JGit
        assertThat(BaselineStores.providers()).isEmpty();
        assertThat(BaselineStores.sourceRevision(Files.createDirectories(temp.resolve("deploy")))).isEmpty();
    }

    @Test
    void shouldNotShowTheEnvironmentOfALocation() {
        StoreLocation location = new StoreLocation("https://h/r.git", temp, java.util.Optional.of("b"),
                java.util.Map.of("K8S_SECURITY_GIT_PASSWORD", "s3cr3t-token"));

        assertThat(location.toString()).contains("https://h/r.git", "1 variable(s)").doesNotContain("s3cr3t-token");
    }
}
