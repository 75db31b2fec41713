package io.k8sgate.baseline.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.Baselines;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.baseline.BaselineStore;
import io.k8sgate.core.baseline.BaselineStores;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.baseline.StoreLocation;
import io.k8sgate.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Git module registered with the engine's store lookup, found as a service like any front end finds it. */
class GitStoreProviderTest {
    private static final PersonIdent AUTHOR = new PersonIdent("test", "test@localhost");

    @TempDir
    Path temp;

    @Test
    void shouldBeFoundByTheEnginesLookup() {
        assertThat(BaselineStores.providers()).hasExactlyElementsOfTypes(GitStoreProvider.class);
    }

    @Test
    void shouldOpenAGitUrlAsAGitStoreThatRecordsAndReads() throws Exception {
        Path bare = temp.resolve("remote.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        Path app = Fixtures.path("baselines/app/v1");

        try (BaselineStore store = BaselineStores.open(new StoreLocation(bare.toUri().toString(), temp,
                Optional.of("gate"), Map.of()))) {
            assertThat(store).isInstanceOf(GitStore.class);
            assertThat(store.describe()).contains("remote.git", "branch gate");
            new Baselines(new SecurityGate()).record(GateRequest.of(app, List.of(".")), store,
                    new Baselines.RecordOptions(true, Optional.of("b1"), Optional.of("abc")));
            assertThat(store.latest()).hasValueSatisfying(b -> assertThat(b.version()).isEqualTo(1));
        }
        try (Git git = Git.open(bare.toFile())) {
            assertThat(git.getRepository().findRef("refs/heads/gate")).isNotNull();
        }
    }

    @Test
    void shouldOpenARelativeRepositoryPathBelowTheRootAndADirectoryOtherwise() throws Exception {
        Path root = Files.createDirectories(temp.resolve("ws"));
        Git.init().setBare(true).setDirectory(root.resolve("stores/b.git").toFile()).call().close();

        try (BaselineStore git = BaselineStores.open(StoreLocation.of("stores/b.git", root));
                BaselineStore dir = BaselineStores.open(StoreLocation.of("stores/plain", root))) {
            assertThat(git).isInstanceOf(GitStore.class);
            assertThat(git.describe()).contains(root.resolve("stores/b.git").toString());
            assertThat(git.history()).isEmpty();
            assertThat(dir).isInstanceOf(DirectoryStore.class);
        }
    }

    @Test
    void shouldReadTheRevisionOfTheCheckedOutInputsWithJGit() throws Exception {
        Path work = temp.resolve("work");
        RevCommit commit;
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            commit = commitFile(git, "deploy/app.yaml", "kind: ConfigMap\n");
        }

        assertThat(new GitStoreProvider().sourceRevision(work.resolve("deploy"))).contains(commit.name());
        assertThat(BaselineStores.sourceRevision(work.resolve("deploy"))).contains(commit.name());
        assertThat(new GitStoreProvider().sourceRevision(Files.createDirectories(temp.resolve("plain")))).isEmpty();
    }

    @Test
    void shouldReadTheBranchOfALinkedWorkTreeFromTheCommonDirectorysPackedRefs() throws Exception {
        Path work = temp.resolve("repo");
        RevCommit feature;
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            commitFile(git, "app.yaml", "kind: ConfigMap\n");
            git.checkout().setCreateBranch(true).setName("feature").call();
            feature = commitFile(git, "app.yaml", "kind: Secret\n");
            git.checkout().setName("main").call();
            git.packRefs().setAll(true).call();
        }
        // the layout `git worktree add` leaves: a .git file naming the work tree's own directory, which points at the
        // repository's common directory (where the packed branch refs are)
        Path own = work.resolve(".git/worktrees/feature");
        Files.createDirectories(own);
        Files.writeString(own.resolve("HEAD"), "ref: refs/heads/feature\n");
        Files.writeString(own.resolve("commondir"), "../..\n");
        Path tree = Files.createDirectories(temp.resolve("feature"));
        Files.writeString(tree.resolve(".git"), "gitdir: " + own + "\n");
        Files.writeString(own.resolve("gitdir"), tree.resolve(".git") + "\n");

        assertThat(new GitStoreProvider().sourceRevision(Files.createDirectories(tree.resolve("deploy"))))
                .contains(feature.name());
    }

    @Test
    void shouldReadADetachedHead() throws Exception {
        Path work = temp.resolve("detached");
        RevCommit first;
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            first = commitFile(git, "app.yaml", "kind: ConfigMap\n");
            commitFile(git, "app.yaml", "kind: Secret\n");
            git.checkout().setName(first.name()).call();
        }

        assertThat(new GitStoreProvider().sourceRevision(work)).contains(first.name());
    }

    @Test
    void shouldGiveNothingForAnUnbornBranch() throws Exception {
        Path work = temp.resolve("unborn");
        Git.init().setDirectory(work.toFile()).setInitialBranch("main").call().close();

        assertThat(new GitStoreProvider().sourceRevision(work)).isEmpty();
    }

    /** Writes {@code file} (relative to the work tree) and commits it. */
    private static RevCommit commitFile(final Git git, final String file, final String content) throws Exception {
        Path path = git.getRepository().getWorkTree().toPath().resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        git.add().addFilepattern(file).call();
        return git.commit().setMessage(file).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
    }
}
