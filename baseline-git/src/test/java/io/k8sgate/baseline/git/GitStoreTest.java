package io.k8sgate.baseline.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.baseline.Baseline;
import io.k8sgate.core.baseline.BaselineException;
import io.k8sgate.core.baseline.BaselineMetadata;
import io.k8sgate.core.baseline.Provenance;
import io.k8sgate.core.baseline.RedactionKey;
import io.k8sgate.core.baseline.Snapshot;
import io.k8sgate.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitStoreTest {
    private static final String BRANCH = "baselines";

    @TempDir
    Path temp;
    private Path bare;
    private String url;

    @BeforeEach
    void createBareRepository() throws Exception {
        bare = temp.resolve("remote.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        url = bare.toUri().toString();
    }

    private static Snapshot app(final String name) {
        return new SecurityGate().runCapturing(GateRequest.of(Fixtures.path("baselines/app/" + name),
                List.of("."))).snapshot();
    }

    private static Provenance provenance(final String build) {
        return new Provenance(Instant.parse("2026-11-27T10:00:00Z"), Optional.empty(), Optional.of(build),
                "sha256:p", "test");
    }

    private List<String> commitMessages() throws Exception {
        try (Git git = Git.open(bare.toFile())) {
            Iterable<RevCommit> log = git.log().add(git.getRepository().resolve("refs/heads/" + BRANCH)).call();
            return StreamSupport.stream(log.spliterator(), false).map(RevCommit::getShortMessage).toList();
        }
    }

    private GitStore store() {
        return new GitStore(url, BRANCH, Map.of());
    }

    @Test
    void shouldCommitEachVersionToTheBranch() throws Exception {
        try (GitStore store = store()) {
            assertThat(store.history()).isEmpty();
            store.record(app("v1"), provenance("b1"));
            store.record(app("v2"), provenance("b2"));
        }

        assertThat(commitMessages()).containsExactly("Baseline version 2 (build b2)", "Baseline version 1 (build b1)");
        try (GitStore other = store()) {
            assertThat(other.history()).extracting(BaselineMetadata::version).containsExactly(1L, 2L);
            assertThat(other.read(1).content()).isEqualTo(app("v1"));
            assertThat(other.latest()).map(Baseline::version).contains(2L);
        }
    }

    @Test
    void shouldTakeTheNextNumberAfterAVersionPushedByAnotherBuild() throws Exception {
        try (GitStore agentA = store(); GitStore agentB = store()) {
            assertThat(agentA.history()).isEmpty();
            assertThat(agentB.history()).isEmpty();
            agentA.record(app("v1"), provenance("a"));

            Baseline fromB = agentB.record(app("v2"), provenance("b"));

            assertThat(fromB.version()).isEqualTo(2);
            assertThat(agentA.record(app("v1"), provenance("a2")).version()).isEqualTo(3);
        }
        assertThat(commitMessages()).hasSize(3);
    }

    @Test
    void shouldLoseNoVersionWhenEightBuildsPushAtOnce() throws Exception {
        int builds = 8;
        Snapshot content = app("v1");
        CyclicBarrier start = new CyclicBarrier(builds);
        ExecutorService pool = Executors.newFixedThreadPool(builds);
        try {
            List<Future<Long>> versions = new ArrayList<>();
            for (int i = 0; i < builds; i++) {
                String build = "agent-" + i;
                versions.add(pool.submit(() -> {
                    try (GitStore store = store()) {
                        store.history();
                        start.await();
                        return store.record(content, provenance(build)).version();
                    }
                }));
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<Long> f : versions) {
                numbers.add(f.get());
            }

            assertThat(numbers).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, builds).boxed()
                    .toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(commitMessages()).hasSize(builds);
        try (GitStore store = store()) {
            assertThat(store.history()).extracting(m -> m.buildId().orElseThrow()).doesNotHaveDuplicates()
                    .hasSize(builds);
        }
    }

    @Test
    void shouldPruneInOneCommit() throws Exception {
        try (GitStore store = store()) {
            for (int i = 1; i <= 4; i++) {
                store.record(app("v1"), provenance("b" + i));
            }

            assertThat(store.prune(1)).extracting(BaselineMetadata::version).containsExactly(1L, 2L, 3L);
            assertThat(store.history()).extracting(BaselineMetadata::version).containsExactly(4L);
        }
        assertThat(commitMessages().get(0)).isEqualTo("Prune baseline versions 1 to 3");
    }

    @Test
    void shouldFailClearlyWhenTheRemoteIsUnreachable() {
        String missing = temp.resolve("missing.git").toUri().toString();
        try (GitStore store = new GitStore(missing, BRANCH, Map.of())) {
            assertThatThrownBy(store::history).isInstanceOf(BaselineException.class)
                    .hasMessageContaining("Cannot reach the Git baseline store").hasMessageContaining("missing.git");
            assertThatThrownBy(() -> store.record(app("v1"), provenance("b")))
                    .isInstanceOf(BaselineException.class).hasMessageContaining("Cannot reach");
        }
    }

    @Test
    void shouldNameTheVersionWhenACommittedFileIsCorrupt() throws Exception {
        try (GitStore store = store()) {
            store.record(app("v1"), provenance("b"));
        }
        Path work = temp.resolve("work");
        try (Git git = Git.cloneRepository().setURI(url).setBranch(BRANCH).setDirectory(work.toFile()).call()) {
            Files.writeString(work.resolve("v000001.json"), "{\"schemaVersion\": 1, \"metadata\": {");
            PersonIdent someone = new PersonIdent("someone", "someone@example.com");
            git.commit().setAll(true).setMessage("damage").setAuthor(someone).setCommitter(someone)
                    .setSign(false).call();
            git.push().call();
        }

        try (GitStore store = store()) {
            assertThatThrownBy(() -> store.read(1)).isInstanceOf(BaselineException.class)
                    .hasMessageContaining("version 1").hasMessageContaining("branch " + BRANCH);
        }
    }

    @Test
    void shouldNeverShowCredentials() throws Exception {
        GitStore store = new GitStore("https://ci-bot:s3cr3t-token@git.example.com/team/baselines.git", "main",
                Map.of());

        assertThat(store.describe()).isEqualTo("https://git.example.com/team/baselines.git (branch main)");
        assertThat(GitStore.redact("fatal: https://u:p@h.example/x.git: not found"))
                .isEqualTo("fatal: https://h.example/x.git: not found");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"file://ci:s3cr3t-pw@%s", "file://ci:s3cr3t-pw@localhost%s", "ci:s3cr3t-pw@localhost:%s"})
    void shouldNeverEchoThePasswordOfAStoreLocationIssue16(final String location) {
        String remote = location.formatted(temp.resolve("missing.git"));
        try (GitStore store = new GitStore(remote, BRANCH, Map.of())) {
            assertThat(store.describe()).doesNotContain("s3cr3t-pw");
            assertThatThrownBy(store::history).isInstanceOf(BaselineException.class)
                    .hasMessageContaining("Cannot reach the Git baseline store")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-pw"));
        }
        assertThat(GitStore.redact("file:///ci:s3cr3t-pw@/srv/x.git: not found; ci:s3cr3t-pw@h:x.git; a:b c"))
                .isEqualTo("file:////srv/x.git: not found; ci@h:x.git; a:b c");
    }

    @Test
    void shouldDigestSecretsWithTheKeyItsEnvironmentNames() {
        String key = "the-team-key-from-the-ci-credential-store";
        try (GitStore named = new GitStore(url, BRANCH, Map.of(RedactionKey.VARIABLE, key));
             GitStore unnamed = new GitStore(url, BRANCH, Map.of())) {
            assertThat(named.redactionKey().id()).isEqualTo(RedactionKey.of(key, "test").id());
            assertThat(unnamed.redactionKey().id()).isEqualTo(RedactionKey.standard().id());
        }
    }

    @Test
    void shouldReadCredentialsOnlyFromTheEnvironment() throws Exception {
        CredentialItem.Username user = new CredentialItem.Username();
        CredentialItem.Password password = new CredentialItem.Password();

        var provider = GitStore.credentials(Map.of(GitStore.USERNAME_VARIABLE, "ci-bot",
                GitStore.PASSWORD_VARIABLE, "token-value")).orElseThrow();
        provider.get(new URIish("https://git.example.com/x.git"), user, password);

        assertThat(user.getValue()).isEqualTo("ci-bot");
        assertThat(new String(password.getValue())).isEqualTo("token-value");
        assertThat(GitStore.credentials(Map.of(GitStore.USERNAME_VARIABLE, "only-a-name"))).isEmpty();
    }

    @Test
    void shouldTellGitLocationsFromDirectories() {
        assertThat(List.of("https://h/x.git", "file:///srv/b.git", "git@github.com:o/r.git", "/srv/baselines.git",
                "ssh://h/r")).allMatch(GitStore::isGitLocation);
        assertThat(List.of(".k8s-security/baselines", "/var/lib/baselines", "C:\\baselines"))
                .noneMatch(GitStore::isGitLocation);
    }
}
