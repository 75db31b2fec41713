package io.k8sgate.core.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Git commit the inputs were checked out at, read from the files of the repository ({@code HEAD}, loose refs,
 * {@code packed-refs}; work trees and submodules whose {@code .git} is a file included), without running Git. The
 * Git store module reads it with JGit ({@link BaselineStores#sourceRevision}); this reader serves builds without that
 * module, such as the Maven plugin's.
 */
public final class SourceRevision {
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    private static final int MAX_REF_DEPTH = 5;

    private SourceRevision() {
    }

    /** The commit of the Git work tree that contains {@code directory}, if there is one and it can be read. */
    public static Optional<String> of(final Path directory) {
        for (Path dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (Files.exists(dotGit)) {
                try {
                    return gitDirectory(dir, dotGit).flatMap(SourceRevision::head);
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> gitDirectory(final Path workTree, final Path dotGit) throws IOException {
        if (Files.isDirectory(dotGit)) {
            return Optional.of(dotGit);
        }
        String text = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
        if (!text.startsWith("gitdir:")) {
            return Optional.empty();
        }
        return Optional.of(workTree.resolve(text.substring("gitdir:".length()).trim()).normalize());
    }

    private static Optional<String> head(final Path gitDir) {
        try {
            Path common = gitDir;
            Path commonFile = gitDir.resolve("commondir");
            if (Files.isRegularFile(commonFile)) {
                common = gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).trim()).normalize();
            }
            String value = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
            for (int depth = 0; depth < MAX_REF_DEPTH; depth++) {
                if (OBJECT_ID.matcher(value).matches()) {
                    return Optional.of(value);
                }
                if (!value.startsWith("ref:")) {
                    return Optional.empty();
                }
                String ref = value.substring("ref:".length()).trim();
                Optional<String> next = loose(gitDir, ref);
                if (next.isEmpty()) {
                    next = loose(common, ref);
                }
                if (next.isEmpty()) {
                    next = packed(common, ref);
                }
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                value = next.get();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> loose(final Path dir, final String ref) throws IOException {
        Path file = dir.resolve(ref).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
    }

    private static Optional<String> packed(final Path dir, final String ref) throws IOException {
        Path file = dir.resolve("packed-refs");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            int space = line.indexOf(' ');
            if (!line.startsWith("#") && !line.startsWith("^") && space > 0
                    && line.substring(space + 1).trim().equals(ref)) {
                return Optional.of(line.substring(0, space));
            }
        }
        return Optional.empty();
    }
}
