package io.k8sgate.baseline.git;

import io.k8sgate.core.baseline.Baseline;
import io.k8sgate.core.baseline.BaselineException;
import io.k8sgate.core.baseline.BaselineMetadata;
import io.k8sgate.core.baseline.BaselineStore;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.baseline.Provenance;
import io.k8sgate.core.baseline.RedactionKey;
import io.k8sgate.core.baseline.Snapshot;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jspecify.annotations.Nullable;

/**
 * Baseline versions kept on a branch of a Git repository, one commit per version, in the same files as a
 * {@link DirectoryStore} ({@code index.json}, {@code v000001.json}, ...), so that history, review and rollback use
 * Git itself.
 *
 * <p>The store works in a private clone. Recording fetches the branch, writes the next version, commits and pushes;
 * when another build pushed first, it fetches again, resets onto the new tip (which renumbers the version) and
 * retries. Credentials come only from the environment ({@value #USERNAME_VARIABLE} and {@value #PASSWORD_VARIABLE})
 * and never appear in messages: the remote is always shown without its user information.
 */
public final class GitStore implements BaselineStore {
    /** The branch used when none is given. */
    public static final String DEFAULT_BRANCH = "k8s-security-baselines";
    /** The environment variable with the user name for HTTPS remotes. */
    public static final String USERNAME_VARIABLE = "K8S_SECURITY_GIT_USERNAME";
    /** The environment variable with the password or token for HTTPS remotes. */
    public static final String PASSWORD_VARIABLE = "K8S_SECURITY_GIT_PASSWORD";
    private static final int MAX_ATTEMPTS = 25;
    private static final PersonIdent AUTHOR = new PersonIdent("k8s-security-gate", "k8s-security-gate@localhost");

    private final String remote;
    private final String branch;
    private final Optional<CredentialsProvider> credentials;
    private final Map<String, String> keyEnvironment;
    private @Nullable RedactionKey key;
    private @Nullable Path clone;
    private @Nullable Git git;
    private boolean fresh;

    /**
     * A store on {@code branch} of {@code remote}.
     *
     * @param remote      a URL ({@code https://}, {@code file://}) or the path of a repository
     * @param branch      the branch that holds the versions (created by the first record)
     * @param environment where credentials and the redaction key are read from (normally {@link System#getenv()};
     *                    a build's environment when the store is opened for a build on an agent)
     */
    public GitStore(final String remote, final String branch, final Map<String, String> environment) {
        this.remote = Objects.requireNonNull(remote, "remote");
        this.branch = Objects.requireNonNull(branch, "branch");
        this.credentials = credentials(environment);
        Map<String, String> keys = new TreeMap<>();
        for (String name : List.of(RedactionKey.VARIABLE, RedactionKey.FILE_VARIABLE)) {
            if (environment.get(name) != null) {
                keys.put(name, environment.get(name));
            }
        }
        this.keyEnvironment = Map.copyOf(keys);
    }

    /** The redaction key the store's environment names ({@link RedactionKey#from}); the process's otherwise. */
    @Override
    public synchronized RedactionKey redactionKey() {
        if (key == null) {
            key = RedactionKey.from(keyEnvironment);
        }
        return key;
    }

    /** A store with credentials from the process environment. */
    public static GitStore open(final String remote, final String branch) {
        return new GitStore(remote, branch, System.getenv());
    }

    /** True when a store location names a Git repository rather than a directory. */
    public static boolean isGitLocation(final String location) {
        return isRemote(location) || location.endsWith(".git") || location.endsWith(".git/");
    }

    /** True for a URL or an scp-like {@code user@host:path}; false for a local path. */
    static boolean isRemote(final String location) {
        return location.contains("://") || location.matches("[\\w.-]+@[\\w.-]+:.*");
    }

    static Optional<CredentialsProvider> credentials(final Map<String, String> environment) {
        String password = environment.get(PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            return Optional.empty();
        }
        String user = environment.getOrDefault(USERNAME_VARIABLE, "");
        return Optional.of(new UsernamePasswordCredentialsProvider(user.isEmpty() ? "git" : user, password));
    }

    @Override
    public String describe() {
        return redact(remote) + " (branch " + branch + ")";
    }

    @Override
    public synchronized List<BaselineMetadata> history() {
        return reading(() -> files().history());
    }

    @Override
    public synchronized Baseline read(final long version) {
        return reading(() -> files().read(version));
    }

    @Override
    public synchronized Optional<Baseline> latest() {
        return reading(() -> files().latest());
    }

    @Override
    public synchronized Baseline record(final Snapshot content, final Provenance provenance) {
        return publish(() -> {
            Baseline recorded = files().record(content, provenance);
            String file = files().file(recorded.version()).getFileName().toString();
            commit(List.of(file, DirectoryStore.INDEX), List.of(), "Baseline version " + recorded.version()
                    + provenance.buildId().map(b -> " (build " + b + ")").orElse(""));
            return recorded;
        });
    }

    @Override
    public synchronized List<BaselineMetadata> prune(final int keep) {
        return publish(() -> {
            List<BaselineMetadata> removed = files().prune(keep);
            if (!removed.isEmpty()) {
                commit(List.of(DirectoryStore.INDEX), removed.stream()
                        .map(m -> files().file(m.version()).getFileName().toString()).toList(),
                        "Prune baseline versions " + removed.get(0).version() + " to "
                                + removed.get(removed.size() - 1).version());
            }
            return removed;
        });
    }

    @Override
    public synchronized void close() {
        if (git != null) {
            git.close();
            git = null;
        }
        if (clone != null) {
            deleteTree(clone);
            clone = null;
        }
    }

    private <T> T reading(final Supplier<T> action) {
        if (!fresh) {
            sync();
        }
        return wrap(action);
    }

    private <T> T publish(final Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            sync();
            T result = wrap(action);
            if (push()) {
                return result;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new BaselineException("Cannot publish to the Git baseline store " + describe() + ": other "
                        + "builds kept pushing first (" + MAX_ATTEMPTS + " attempts)");
            }
        }
    }

    private <T> T wrap(final Supplier<T> action) {
        try {
            return action.get();
        } catch (BaselineException e) {
            throw new BaselineException("Git baseline store " + describe() + ": " + e.getMessage(), e);
        }
    }

    private DirectoryStore files() {
        return new DirectoryStore(Objects.requireNonNull(clone, "clone"));
    }

    /** Brings the private clone to the remote branch's tip, or to an empty branch when it does not exist yet. */
    private void sync() {
        try {
            Optional<Ref> tip = remoteTip();
            if (git == null || tip.isEmpty()) {
                close();
                clone = Files.createTempDirectory("k8s-security-baselines-");
                git = Git.init().setDirectory(clone.toFile()).setInitialBranch(branch).call();
                git.remoteAdd().setName("origin").setUri(new URIish(remote)).call();
            }
            if (tip.isPresent()) {
                git.fetch().setRemote("origin").setRefSpecs(new RefSpec("+refs/heads/" + branch
                        + ":refs/remotes/origin/" + branch)).setCredentialsProvider(credentials.orElse(null)).call();
                git.reset().setMode(ResetCommand.ResetType.HARD).setRef("refs/remotes/origin/" + branch).call();
                git.clean().setCleanDirectories(true).setForce(true).setIgnore(false).call();
            }
            fresh = true;
        } catch (GitAPIException | JGitInternalException | IOException | URISyntaxException e) {
            fresh = false;
            throw new BaselineException("Cannot reach the Git baseline store " + describe() + ": "
                    + redact(String.valueOf(e.getMessage())), e);
        }
    }

    private Optional<Ref> remoteTip() throws GitAPIException {
        try {
            return Git.lsRemoteRepository().setRemote(remote).setHeads(true)
                    .setCredentialsProvider(credentials.orElse(null)).call().stream()
                    .filter(r -> r.getName().equals("refs/heads/" + branch)).findFirst();
        } catch (TransportException e) {
            throw new BaselineException("Cannot reach the Git baseline store " + describe() + ": "
                    + redact(String.valueOf(e.getMessage())), e);
        }
    }

    private void commit(final List<String> added, final List<String> removed, final String message) {
        try {
            Git repo = Objects.requireNonNull(git, "git");
            var add = repo.add();
            added.forEach(add::addFilepattern);
            add.call();
            if (!removed.isEmpty()) {
                var rm = repo.rm();
                removed.forEach(rm::addFilepattern);
                rm.call();
            }
            repo.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
        } catch (GitAPIException | JGitInternalException e) {
            throw new BaselineException("Cannot commit to the Git baseline store " + describe() + ": "
                    + redact(String.valueOf(e.getMessage())), e);
        }
    }

    /** Pushes the branch; false when another build pushed first (the caller fetches and retries). */
    private boolean push() {
        fresh = false;
        try {
            Iterable<PushResult> results = Objects.requireNonNull(git, "git").push().setRemote("origin")
                    .setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch))
                    .setCredentialsProvider(credentials.orElse(null)).call();
            for (PushResult result : results) {
                RemoteRefUpdate update = result.getRemoteUpdate("refs/heads/" + branch);
                if (update == null) {
                    return false;
                }
                RemoteRefUpdate.Status status = update.getStatus();
                if (status != RemoteRefUpdate.Status.OK && status != RemoteRefUpdate.Status.UP_TO_DATE) {
                    return false;
                }
            }
            return true;
        } catch (TransportException e) {
            // a concurrent push can make the remote refuse the update mid-way; the next fetch tells whether the
            // remote is still reachable
            return false;
        } catch (GitAPIException | JGitInternalException e) {
            throw new BaselineException("Cannot push to the Git baseline store " + describe() + ": "
                    + redact(String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * The text with user information removed from URLs, however many slashes follow the scheme
     * ({@code https://user:token@host} becomes {@code https://host}, and JGit's {@code file:///user:pw@/path}
     * becomes {@code file:////path}), and with the password removed from scp-like locations
     * ({@code user:pw@host:repo.git} becomes {@code user@host:repo.git}).
     */
    static String redact(final String text) {
        String urls = text.replaceAll("(?i)([a-z][a-z0-9+.-]*:/{1,3})[^/@\\s]*@", "$1");
        return urls.replaceAll("(?<![\\w.:/-])([\\w.-]+):[^@\\s/]+@([\\w.-]+:)", "$1@$2");
    }

    private static void deleteTree(final Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // the clone is in the temporary directory; the system removes what is left there
            root.toFile().deleteOnExit();
        }
    }
}
