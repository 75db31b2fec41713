package io.k8sgate.core.baseline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * killed at any point leaves either the old state or the new one. The version files are the truth: a version whose
 * file was renamed into place before its index entry was written is still listed. Writers hold a lock on
 * {@code .lock} (and a lock inside the JVM, because file locks are per process), so concurrent builds each get their
 * own version number and none is lost.
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

    /** A store in {@code directory} (created by the first {@link #record}). */
    public DirectoryStore(final Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
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

    @Override
    public List<BaselineMetadata> history() {
        requireStore();
        Map<Long, BaselineMetadata> indexed = new TreeMap<>();
        Path index = directory.resolve(INDEX);
        if (Files.exists(index)) {
            BaselineCodec.readIndex(readBytes(index, "index"), "index " + index)
                    .forEach(m -> indexed.put(m.version(), m));
        }
        List<BaselineMetadata> versions = new ArrayList<>();
        for (long version : versionFiles()) {
            BaselineMetadata known = indexed.get(version);
            versions.add(known != null ? known : read(version).metadata());
        }
        return versions;
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

    @Override
    public Baseline record(final Snapshot content, final Provenance provenance) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new BaselineException("Cannot create the baseline store " + directory + ": " + e.getMessage(), e);
        }
        return locked(() -> {
            removeTemporaryFiles();
            List<BaselineMetadata> versions = new ArrayList<>(history());
            long next = versionFiles().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            Baseline baseline = Baseline.create(next, provenance, content);
            writeAtomically(file(next), BaselineCodec.write(baseline));
            versions.add(baseline.metadata());
            writeAtomically(directory.resolve(INDEX), BaselineCodec.writeIndex(versions));
            return baseline;
        });
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
                    Files.deleteIfExists(file(m.version()));
                } catch (IOException e) {
                    throw new BaselineException("Cannot remove baseline version " + m.version() + " from "
                            + directory + ": " + e.getMessage(), e);
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

    private <T> T locked(final Supplier<T> action) {
        ReentrantLock inJvm = JVM_LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
        inJvm.lock();
        try (FileChannel channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            return action.get();
        } catch (IOException e) {
            throw new BaselineException("Cannot lock the baseline store " + directory + ": " + e.getMessage(), e);
        } finally {
            inJvm.unlock();
        }
    }

    private void writeAtomically(final Path target, final byte[] data) {
        Path temp = directory.resolve(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new BaselineException("The file system of " + directory + " cannot rename atomically, so "
                        + "it cannot hold a baseline store safely", e);
            }
            forceDirectory();
        } catch (IOException e) {
            throw new BaselineException("Cannot write " + target + " in the baseline store: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a temporary file left behind is ignored by readers and removed by the next record
                temp.toFile().deleteOnExit();
            }
        }
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
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().startsWith(TEMP_PREFIX)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new BaselineException("Cannot clean the baseline store " + directory + ": " + e.getMessage(), e);
        }
    }
}
