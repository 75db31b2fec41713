package io.k8sgate.baseline.git;

import io.k8sgate.core.baseline.BaselineStore;
import io.k8sgate.core.baseline.BaselineStoreProvider;
import io.k8sgate.core.baseline.StoreLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Registers the Git store with the engine's store lookup: Git URLs and paths ending in {@code .git} open a
 * {@link GitStore}, and the revision of the checked-out inputs is read with JGit.
 */
public final class GitStoreProvider implements BaselineStoreProvider {
    @Override
    public String name() {
        return "Git";
    }

    @Override
    public boolean handles(final String location) {
        return GitStore.isGitLocation(location);
    }

    /** A store on the location's branch (default {@value GitStore#DEFAULT_BRANCH}); a local path is below the root. */
    @Override
    public BaselineStore open(final StoreLocation location) {
        String remote = location.location();
        if (!GitStore.isRemote(remote)) {
            remote = location.root().resolve(remote).normalize().toString();
        }
        return new GitStore(remote, location.branch().orElse(GitStore.DEFAULT_BRANCH), location.environment());
    }

    @Override
    public Optional<String> sourceRevision(final Path directory) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(directory.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            ObjectId head = repository.resolve(Constants.HEAD);
            return head == null ? Optional.empty() : Optional.of(head.name());
        } catch (IOException | IllegalArgumentException e) {
            // not a readable repository (or a malformed HEAD): the baseline records no revision, as outside Git
            return Optional.empty();
        }
    }
}
