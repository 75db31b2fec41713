package io.k8sgate.core.baseline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded store: a directory with one human-readable JSON file per version ({@code v000001.json}, ...) and an
 * index ({@code index.json}).
 *
 * <p>Every file is written to a temporary file, forced to disk and renamed atomically into place, so a process
 * killed at any point leaves either the old state or the new one. The version files are the truth: each carries its
 * own integrity hashes, and a version whose file was renamed into place before its index entry was written is still
 * listed. The index is a verified copy of their metadata: when it is damaged (its hash does not match, or it cannot be
 * read) the versions are listed from their own files, and the next record writes it anew. A record that fails (a full
 * disk, a read-only file system) removes the version file it wrote, so the store is left as it was. Writers hold a
 * lock on {@code .lock} (and a lock inside the JVM, because file locks are per process), so concurrent builds each
 * get their own version number and none is lost.
 */
public final class DirectoryStore implements BaselineStore {
    /** The default place of the store, relative to the workspace. */
    public static final String DEFAULT_DIRECTORY = ".k8s-security/baselines";
    /** The index file's name. */
    public static final String INDEX = "index.json";
    private static final String LOCK = ".lock";
    private static final String TEMP_PREFIX = ".tmp-";
    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d{6,18})\\.json");
    private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final FileOperations files;
    private final Optional<RedactionKey> key;

    /** A store in {@code directory} (created by the first {@link #record}). */
    public DirectoryStore(final Path directory) {
        this(directory, FileOperations.DIRECT, Optional.empty());
    }

    /** A store whose secret values are digested with {@code key} rather than the process's key. */
    public DirectoryStore(final Path directory, final RedactionKey key) {
        this(directory, FileOperations.DIRECT, Optional.of(key));
    }

    /** A store whose writes go through {@code files}: tests inject faults there (a full disk, a read-only mount). */
    DirectoryStore(final Path directory, final FileOperations files) {
        this(directory, files, Optional.empty());
    }

    private DirectoryStore(final Path directory, final FileOperations files, final Optional<RedactionKey> key) {
        this.directory = directory.toAbsolutePath().normalize();
        this.files = files;
        this.key = key;
    }

    @Override
    public RedactionKey redactionKey() {
        return key.orElseGet(RedactionKey::standard);
    }

    /**
     * The file operations a store writes with. The store reads through {@link Files} directly; what can fail for
     * reasons outside the program (space, permissions, mounts) goes through here.
     */
    interface FileOperations {
        /** The file system itself. */
        FileOperations DIRECT = new FileOperations() {
        };

        /** Creates the directory and its parents. */
        default void createDirectories(final Path dir) throws IOException {
            Files.createDirectories(dir);
        }

        /** Opens (creating it when missing) the lock file for writing. */
        default FileChannel openLock(final Path file) throws IOException {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }

        /** Writes a new file completely and forces it to disk. */
        default void writeNew(final Path file, final byte[] data) throws IOException {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
        }

        /** Renames a file into place in one step. */
        default void moveAtomically(final Path from, final Path to) throws IOException {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }

        /** Removes a file if it exists. */
        default void delete(final Path file) throws IOException {
            Files.deleteIfExists(file);
        }
    }

    /** The store's directory. */
    public Path directory() {
        return directory;
    }

    /** The file of a version. */
    public Path file(final long version) {
        return directory.resolve(String.format("v%06d.json", version));
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    /**
     * {@inheritDoc}
     *
     * <p>From the index when it is intact; a version the index does not list, and every version when the index is
     * damaged, is read from its own file.
     */
    @Override
    public List<BaselineMetadata> history() {
        requireStore();
        Map<Long, BaselineMetadata> indexed = new TreeMap<>();
        try {
            readIndex().forEach(m -> indexed.put(m.version(), m));
        } catch (BaselineException e) {
            // a damaged index (see indexProblem): every version is listed from its own, verified file
            indexed.clear();
        }
        List<BaselineMetadata> versions = new ArrayList<>();
        for (long version : versionFiles()) {
            BaselineMetadata known = indexed.get(version);
            versions.add(known != null ? known : read(version).metadata());
        }
        return versions;
    }

    /**
     * Why the index cannot be used, when it cannot: missing files are fine (a new store, or one written by a build
     * killed before its first index), anything else that stops it from being read or verified is named.
     */
    public Optional<String> indexProblem() {
        Path index = directory.resolve(INDEX);
        if (!Files.exists(index)) {
            return Optional.empty();
        }
        try {
            readIndex();
            return Optional.empty();
        } catch (BaselineException e) {
            return Optional.of(e.getMessage());
        }
    }

    private List<BaselineMetadata> readIndex() {
        Path index = directory.resolve(INDEX);
        return Files.exists(index) ? BaselineCodec.readIndex(readBytes(index, "index"), "index " + index) : List.of();
    }

    @Override
    public Baseline read(final long version) {
        requireStore();
        Path file = file(version);
        if (!Files.isRegularFile(file)) {
            throw new BaselineException("Baseline version " + version + " does not exist in " + directory
                    + " (versions: " + versionFiles() + ")");
        }
        Baseline baseline = BaselineCodec.read(readBytes(file, "version " + version),
                "version " + version + " (" + file + ")");
        if (baseline.version() != version) {
            throw new BaselineException("Baseline version " + version + " (" + file + ") is corrupt: it holds version "
                    + baseline.version());
        }
        return baseline;
    }

    /**
     * {@inheritDoc}
     *
     * <p>All or nothing: when the index cannot be written after the version file, the version file is removed again
     * and the store is as it was. A damaged index is written anew from the versions.
     */
    @Override
    public Baseline record(final Snapshot content, final Provenance provenance) {
        try {
            files.createDirectories(directory);
        } catch (IOException e) {
            throw new BaselineException("Cannot create the baseline store " + directory + ": " + why(e), e);
        }
        return locked(() -> {
            removeTemporaryFiles();
            List<BaselineMetadata> versions = new ArrayList<>(history());
            long next = versionFiles().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            Baseline baseline = Baseline.create(next, provenance, content);
            Path file = file(next);
            writeAtomically(file, BaselineCodec.write(baseline));
            versions.add(baseline.metadata());
            try {
                writeAtomically(directory.resolve(INDEX), BaselineCodec.writeIndex(versions));
            } catch (BaselineException e) {
                throw rollBack(file, next, e);
            }
            return baseline;
        });
    }

    /** Removes a version file whose record failed; the exception says whether the store is as it was. */
    private BaselineException rollBack(final Path file, final long version, final BaselineException failure) {
        try {
            files.delete(file);
            forceDirectory();
            return new BaselineException(failure.getMessage() + "; version " + version + " was not recorded and the "
                    + "store is unchanged", failure);
        } catch (IOException e) {
            BaselineException both = new BaselineException(failure.getMessage() + "; the new version file " + file
                    + " could not be removed either (" + why(e) + "): remove it by hand so that version "
                    + (version - 1) + " stays the newest", failure);
            both.addSuppressed(e);
            return both;
        }
    }

    @Override
    public List<BaselineMetadata> prune(final int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        requireStore();
        return locked(() -> {
            List<BaselineMetadata> versions = history();
            int drop = Math.max(0, versions.size() - keep);
            List<BaselineMetadata> removed = versions.subList(0, drop);
            List<BaselineMetadata> kept = versions.subList(drop, versions.size());
            writeAtomically(directory.resolve(INDEX), BaselineCodec.writeIndex(kept));
            for (BaselineMetadata m : removed) {
                try {
                    files.delete(file(m.version()));
                } catch (IOException e) {
                    throw new BaselineException("Cannot remove baseline version " + m.version() + " from "
                            + directory + ": " + why(e), e);
                }
            }
            return List.copyOf(removed);
        });
    }

    private void requireStore() {
        if (!Files.isDirectory(directory)) {
            throw new BaselineException("No baseline store at " + directory
                    + ": record a first version (baseline record) or point to the right store");
        }
    }

    private List<Long> versionFiles() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> VERSION_FILE.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Long.parseLong(m.group(1))).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new BaselineException("Cannot list the baseline store " + directory + ": " + e.getMessage(), e);
        }
    }

    private byte[] readBytes(final Path file, final String what) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BaselineException("Baseline " + what + " (" + file + ") disappeared while it was read "
                    + "(pruned meanwhile?)", e);
        } catch (IOException e) {
            throw new BaselineException("Cannot read baseline " + what + " (" + file + "): " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("try") // the file lock is held, not used, for the block: closing it releases it
    private <T> T locked(final Supplier<T> action) {
        ReentrantLock inJvm = JVM_LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
        inJvm.lock();
        try (FileChannel channel = files.openLock(directory.resolve(LOCK));
             FileLock lock = channel.lock()) {
            return action.get();
        } catch (IOException e) {
            throw new BaselineException("Cannot lock the baseline store " + directory + " to write to it ("
                    + directory.resolve(LOCK) + "): " + why(e), e);
        } finally {
            inJvm.unlock();
        }
    }

    private void writeAtomically(final Path target, final byte[] data) {
        Path temp = directory.resolve(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
        try {
            files.writeNew(temp, data);
            try {
                files.moveAtomically(temp, target);
            } catch (AtomicMoveNotSupportedException e) {
                throw new BaselineException("The file system of " + directory + " cannot rename atomically, so "
                        + "it cannot hold a baseline store safely", e);
            }
            forceDirectory();
        } catch (IOException e) {
            throw new BaselineException("Cannot write " + target + " in the baseline store: " + why(e), e);
        } finally {
            try {
                files.delete(temp);
            } catch (IOException e) {
                // a temporary file left behind is ignored by readers and removed by the next record
                temp.toFile().deleteOnExit();
            }
        }
    }

    /**
     * What went wrong with a write, and what to do about it: the three causes a user can fix (no permission, a
     * read-only mount, a full disk) are named as such; reading versions needs none of this.
     */
    private String why(final IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        String lower = reason.toLowerCase(Locale.ROOT);
        String writers = "; recording and pruning write to the store, while history, diff, export and comparisons "
                + "only read it";
        if (e instanceof AccessDeniedException || lower.contains("permission denied")
                || lower.contains("operation not permitted")) {
            return "permission denied: the user running the gate (" + System.getProperty("user.name", "?")
                    + ") may not write to " + directory + "; give it write access (for example chown or chmod u+w "
                    + "on the directory) or use a store directory it owns" + writers;
        }
        if (lower.contains("read-only file system")) {
            return "the store is on a read-only file system: mount it writable (in a container, a volume without "
                    + ":ro) or use a store directory on a writable one" + writers;
        }
        if (lower.contains("no space left") || lower.contains("disk quota exceeded")) {
            return "the disk is full (" + reason + "): free space on the file system of " + directory
                    + " or prune old versions (baseline prune --keep N)";
        }
        return reason;
    }

    /** Makes the rename itself durable; some platforms cannot open a directory, and there the rename must do. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // not supported on this platform: the atomic rename is still all-or-nothing
            return;
        }
    }

    private void removeTemporaryFiles() {
        try (Stream<Path> list = Files.list(directory)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                if (p.getFileName().toString().startsWith(TEMP_PREFIX)) {
                    files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new BaselineException("Cannot clean the baseline store " + directory + ": " + why(e), e);
        }
    }
}
