package io.k8sgate.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRevisionTest {
    private static final String COMMIT = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
    private static final String OTHER = "fedcba9876543210fedcba9876543210fedcba98";

    @TempDir
    Path temp;

    @Test
    void shouldFollowHeadToALooseRefFromASubdirectory() throws Exception {
        Files.createDirectories(temp.resolve(".git/refs/heads"));
        Files.writeString(temp.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(temp.resolve(".git/refs/heads/main"), COMMIT + "\n");
        Files.createDirectories(temp.resolve("deploy/prod"));

        assertThat(SourceRevision.of(temp.resolve("deploy/prod"))).contains(COMMIT);
    }

    @Test
    void shouldReadPackedRefsOfTheCommonDirectoryOfAWorkTree() throws Exception {
        Path main = temp.resolve("repo/.git");
        Path worktreeGit = main.resolve("worktrees/feature");
        Files.createDirectories(worktreeGit);
        Files.writeString(main.resolve("packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n"
                + OTHER + " refs/heads/main\n" + COMMIT + " refs/heads/feature\n^" + OTHER + "\n");
        Files.writeString(worktreeGit.resolve("HEAD"), "ref: refs/heads/feature\n");
        Files.writeString(worktreeGit.resolve("commondir"), "../..\n");
        Path tree = temp.resolve("feature");
        Files.createDirectories(tree);
        Files.writeString(tree.resolve(".git"), "gitdir: " + worktreeGit + "\n");

        assertThat(SourceRevision.of(tree)).contains(COMMIT);
    }

    @Test
    void shouldReadADetachedHead() throws Exception {
        Files.createDirectories(temp.resolve(".git"));
        Files.writeString(temp.resolve(".git/HEAD"), COMMIT + "\n");

        assertThat(SourceRevision.of(temp)).contains(COMMIT);
    }

    @Test
    void shouldGiveNothingForAnUnbornBranchOrNoRepository() throws Exception {
        Path plain = temp.resolve("plain");
        Files.createDirectories(plain);
        Path unborn = temp.resolve("unborn");
        Files.createDirectories(unborn.resolve(".git"));
        Files.writeString(unborn.resolve(".git/HEAD"), "ref: refs/heads/main\n");

        assertThat(SourceRevision.of(unborn)).isEmpty();
        assertThat(SourceRevision.of(plain)).isEmpty();
    }
}
