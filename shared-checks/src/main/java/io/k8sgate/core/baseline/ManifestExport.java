package io.k8sgate.core.baseline;

import io.k8sgate.core.input.SecretRedaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes the manifests of a version as YAML, one file per object, ready to commit or apply to roll back. Values
 * that baselines do not keep (secrets) are left as their markers ({@code (redacted hmac:...)}, not valid base64) and
 * listed, so nobody applies them by accident.
 */
public final class ManifestExport {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./-]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null",
            "~");

    private ManifestExport() {
    }

    /**
     * What an export wrote.
     *
     * @param files    the files, in the order of the version's resources
     * @param redacted {@code Kind/ns/name} of every object that holds a value the baseline does not keep
     */
    public record Result(List<Path> files, List<String> redacted) {
        public Result {
            files = List.copyOf(files);
            redacted = List.copyOf(redacted);
        }
    }

    /** Writes every resource of {@code baseline} into {@code directory} (created when missing). */
    public static Result write(final Baseline baseline, final Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        List<String> redacted = new ArrayList<>();
        int n = 0;
        for (BaselineResource r : baseline.content().resources()) {
            n++;
            String name = String.format("%03d-%s%s-%s.yaml", n, safe(r.kind()),
                    r.namespace().isEmpty() ? "" : "-" + safe(r.namespace()), safe(r.name()));
            StringBuilder text = new StringBuilder();
            text.append("# ").append(r.ref().display()).append(" from baseline version ").append(baseline.version())
                    .append(", recorded ").append(baseline.metadata().recordedAt())
                    .append(baseline.metadata().sourceRevision().map(s -> " at commit " + s).orElse(""))
                    .append('\n');
            if (SecretRedaction.containsRedacted(r.content())) {
                redacted.add(r.ref().display());
                text.append("# Values shown as ").append(SecretRedaction.MARKER_PREFIX)
                        .append(" ...) are secrets that baselines keep only as digests: set them before applying.\n");
            }
            text.append(yaml(r.content()));
            Path file = directory.resolve(name);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            files.add(file);
        }
        return new Result(files, redacted);
    }

    /** An object as block YAML. */
    public static String yaml(final Map<String, @Nullable Object> object) {
        List<String> lines = new ArrayList<>();
        map(object, 0, lines);
        return String.join("\n", lines) + "\n";
    }

    private static void map(final Map<?, ?> map, final int indent, final List<String> lines) {
        String pad = " ".repeat(indent);
        map.forEach((k, v) -> {
            String key = scalar(String.valueOf(k));
            if (isBlock(v)) {
                lines.add(pad + key + ":");
                block(Objects.requireNonNull(v), indent + 2, lines);
            } else {
                lines.add(pad + key + ": " + inline(v));
            }
        });
    }

    private static void block(final Object value, final int indent, final List<String> lines) {
        if (value instanceof Map<?, ?> m) {
            map(m, indent, lines);
            return;
        }
        String pad = " ".repeat(indent);
        for (Object element : (List<?>) value) {
            if (isBlock(element)) {
                List<String> nested = new ArrayList<>();
                block(Objects.requireNonNull(element), indent + 2, nested);
                nested.set(0, pad + "- " + nested.get(0).substring(indent + 2));
                lines.addAll(nested);
            } else {
                lines.add(pad + "- " + inline(element));
            }
        }
    }

    private static boolean isBlock(final @Nullable Object value) {
        return (value instanceof Map<?, ?> m && !m.isEmpty()) || (value instanceof List<?> l && !l.isEmpty());
    }

    private static String inline(final @Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        if (value instanceof String s) {
            return scalar(s);
        }
        return String.valueOf(value);
    }

    private static String scalar(final String s) {
        boolean plain = PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT));
        return plain ? s : BaselineDiff.json(s);
    }

    private static String safe(final String s) {
        String lower = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "_");
        return lower.isEmpty() ? "_" : lower;
    }
}
