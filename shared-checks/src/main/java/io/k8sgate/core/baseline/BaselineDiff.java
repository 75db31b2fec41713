package io.k8sgate.core.baseline;

import io.k8sgate.core.model.ResourceRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Compares configurations: which objects were added, removed or changed (field by field, security-relevant changes
 * marked), and which findings are new, outstanding or fixed by fingerprint.
 */
public final class BaselineDiff {
    private BaselineDiff() {
    }

    /** The current run compared with a reference version (or with nothing, when the store is still empty). */
    public static VersionComparison compare(final Optional<Baseline> reference, final Snapshot current) {
        return compare(reference.map(Baseline::version).map(OptionalLong::of).orElse(OptionalLong.empty()),
                reference.map(Baseline::content).orElse(new Snapshot(List.of(), List.of())), current);
    }

    /**
     * Two configurations compared.
     *
     * @param referenceVersion the version of {@code from}, if it is a recorded one
     * @param from             the reference
     * @param to               the configuration compared with it
     */
    public static VersionComparison compare(final OptionalLong referenceVersion, final Snapshot from,
            final Snapshot to) {
        Set<String> before = from.findings().stream().map(BaselineFinding::fingerprint).collect(Collectors.toSet());
        Set<String> after = to.findings().stream().map(BaselineFinding::fingerprint).collect(Collectors.toSet());
        List<BaselineFinding> counted = to.findings().stream().filter(f -> !f.suppressed()).toList();
        return new VersionComparison(referenceVersion,
                counted.stream().filter(f -> !before.contains(f.fingerprint())).toList(),
                counted.stream().filter(f -> before.contains(f.fingerprint())).toList(),
                from.findings().stream().filter(f -> !after.contains(f.fingerprint())).toList(),
                drift(from.resources(), to.resources()));
    }

    /** How {@code to} differs from {@code from}, object by object. */
    public static Drift drift(final List<BaselineResource> from, final List<BaselineResource> to) {
        Map<ResourceRef, BaselineResource> old = byRef(from);
        Map<ResourceRef, BaselineResource> now = byRef(to);
        List<ResourceRef> added = now.keySet().stream().filter(r -> !old.containsKey(r)).toList();
        List<ResourceRef> removed = old.keySet().stream().filter(r -> !now.containsKey(r)).toList();
        List<ResourceChange> changed = new ArrayList<>();
        for (Map.Entry<ResourceRef, BaselineResource> e : now.entrySet()) {
            BaselineResource previous = old.get(e.getKey());
            if (previous != null) {
                List<FieldChange> fields = fields(e.getKey().kind(), previous.content(), e.getValue().content());
                if (!fields.isEmpty()) {
                    changed.add(new ResourceChange(e.getKey(), fields));
                }
            }
        }
        return new Drift(added, removed, changed);
    }

    /** The fields that differ between two versions of one object of the given kind. */
    public static List<FieldChange> fields(final String kind, final Map<String, @Nullable Object> from,
            final Map<String, @Nullable Object> to) {
        Map<String, Leaf> before = flatten(from);
        Map<String, Leaf> after = flatten(to);
        Set<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String path : paths) {
            Leaf b = before.get(path);
            Leaf a = after.get(path);
            if (b == null || a == null || !Objects.equals(b.value(), a.value())) {
                Leaf any = a != null ? a : Objects.requireNonNull(b);
                changes.add(new FieldChange(path, Optional.ofNullable(b).map(l -> json(l.value())),
                        Optional.ofNullable(a).map(l -> json(l.value())),
                        secretChange(b, a).or(() -> SecurityFields.classify(kind, any.segments()))));
            }
        }
        return changes;
    }

    /**
     * Why a change of a secret value matters: a credential changed, or, when the two sides were digested with
     * different keys, that the change cannot be judged (the digests differ whatever the values).
     */
    private static Optional<String> secretChange(final @Nullable Leaf before, final @Nullable Leaf after) {
        String b = before != null && before.value() instanceof String s ? s : "";
        String a = after != null && after.value() instanceof String s ? s : "";
        Set<String> keysBefore = RedactionKey.keyIds(b);
        Set<String> keysAfter = RedactionKey.keyIds(a);
        if (keysBefore.isEmpty() && keysAfter.isEmpty()) {
            return Optional.empty();
        }
        if (!keysBefore.isEmpty() && !keysAfter.isEmpty() && !keysBefore.equals(keysAfter)
                && RedactionKey.withoutDigests(b).equals(RedactionKey.withoutDigests(a))) {
            return Optional.of("secret; not comparable: digested with another key (" + String.join(", ", keysBefore)
                    + " -> " + String.join(", ", keysAfter) + "), see " + RedactionKey.VARIABLE);
        }
        return Optional.of("secret");
    }

    private static Map<ResourceRef, BaselineResource> byRef(final List<BaselineResource> resources) {
        Map<ResourceRef, BaselineResource> map = new TreeMap<>();
        resources.forEach(r -> map.put(r.ref(), r));
        return map;
    }

    /** A scalar (or empty collection) at a path. */
    private record Leaf(List<String> segments, Object value) {
    }

    private static Map<String, Leaf> flatten(final Map<String, @Nullable Object> object) {
        Map<String, Leaf> leaves = new LinkedHashMap<>();
        flatten(object, "", List.of(), leaves);
        return leaves;
    }

    private static void flatten(final @Nullable Object value, final String path, final List<String> segments,
            final Map<String, Leaf> leaves) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                flatten(v, path + (plainKey(key) ? (path.isEmpty() ? "" : ".") + key : "[\"" + key + "\"]"),
                        append(segments, key), leaves);
            });
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            List<String> names = elementNames(list);
            for (int i = 0; i < list.size(); i++) {
                String element = names.isEmpty() ? "[" + i + "]" : "[name=" + names.get(i) + "]";
                flatten(list.get(i), path + element, segments, leaves);
            }
        } else if (value != null) {
            leaves.put(path, new Leaf(segments, value));
        }
    }

    /** The names of the elements when every element is a mapping with a distinct name; empty otherwise. */
    private static List<String> elementNames(final List<?> list) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object e : list) {
            if (!(e instanceof Map<?, ?> m) || !(m.get("name") instanceof String name) || !seen.add(name)) {
                return List.of();
            }
            names.add(name);
        }
        return names;
    }

    private static List<String> append(final List<String> segments, final String key) {
        List<String> longer = new ArrayList<>(segments);
        longer.add(key);
        return List.copyOf(longer);
    }

    private static boolean plainKey(final String key) {
        return !key.isEmpty() && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
    }

    /** A value as JSON text: strings quoted and escaped, empty collections as {@code {}} and {@code []}. */
    static String json(final Object value) {
        if (value instanceof String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        return String.valueOf(value);
    }
}
