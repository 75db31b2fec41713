package io.k8sgate.core.check.version;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.model.Finding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * When built-in API versions were deprecated and stopped being served, read from the table
 * {@code api-lifecycle.tsv} next to this class (one kind per line, so that the table stays easy to review).
 */
final class ApiLifecycle {
    private static final String TABLE = "api-lifecycle.tsv";
    private static final ApiLifecycle BUILT_IN = load();

    private final Map<String, Entry> byApiAndKind;

    private ApiLifecycle(final List<Entry> entries) {
        Map<String, Entry> map = new HashMap<>();
        for (Entry e : entries) {
            if (map.putIfAbsent(key(e.apiVersion(), e.kind()), e) != null) {
                throw new IllegalStateException("Duplicate row in " + TABLE + ": " + e.apiVersion() + " "
                        + e.kind());
            }
        }
        this.byApiAndKind = Map.copyOf(map);
    }

    /** The built-in table. */
    static ApiLifecycle builtIn() {
        return BUILT_IN;
    }

    /** The lifecycle of an object's apiVersion and kind, if the table lists it. */
    Optional<Entry> of(final K8sObject object) {
        return Optional.ofNullable(byApiAndKind.get(key(object.apiVersion().trim(), object.kind())));
    }

    /**
     * The findings of a version check: one per object whose row {@code applies} at the policy's target version,
     * at the object's {@code apiVersion}, with the replacement as a property.
     */
    List<Finding> findings(final Check check, final CheckContext context,
            final BiPredicate<Entry, KubernetesVersion> applies, final Function<Entry, String> status) {
        KubernetesVersion target = context.settings().targetKubernetesVersion();
        return context.objects().stream()
                .flatMap(o -> of(o).filter(e -> applies.test(e, target)).stream()
                        .map(e -> check.finding(o, o.root().get("apiVersion"), o.kind() + " '" + o.name()
                                + "' uses " + e.apiVersion() + ", " + status.apply(e) + " (target " + target + "): "
                                + e.advice())
                                .withProperty("replacement", e.replacement().orElse(""))))
                .toList();
    }

    /** Every row. */
    List<Entry> entries() {
        return List.copyOf(byApiAndKind.values());
    }

    private static String key(final String apiVersion, final String kind) {
        return apiVersion + " " + kind;
    }

    private static ApiLifecycle load() {
        try (InputStream in = ApiLifecycle.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + TABLE + " next to " + ApiLifecycle.class);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + TABLE, e);
        }
    }

    /** Parses table lines; blank lines and {@code #} comments are skipped. */
    static ApiLifecycle parse(final List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 6) {
                throw new IllegalStateException(TABLE + " line " + (i + 1) + ": expected 6 tab-separated cells, got "
                        + cells.length);
            }
            entries.add(new Entry(cells[0], cells[1], version(cells[2], i), version(cells[3], i),
                    "-".equals(cells[4]) ? Optional.empty() : Optional.of(cells[4]), version(cells[5], i)));
        }
        return new ApiLifecycle(entries);
    }

    private static Optional<KubernetesVersion> version(final String cell, final int index) {
        if ("-".equals(cell)) {
            return Optional.empty();
        }
        return Optional.of(KubernetesVersion.parse(cell).orElseThrow(() -> new IllegalStateException(TABLE
                + " line " + (index + 1) + ": not a Kubernetes version: " + cell)));
    }

    /**
     * One row of the table.
     *
     * @param apiVersion       the old apiVersion
     * @param kind             the kind served under it
     * @param deprecatedIn     the release that deprecated it, when known
     * @param removedIn        the first release that no longer serves it, when it is scheduled
     * @param replacement      the apiVersion to use instead, empty when the API was dropped without one
     * @param replacementSince the first release serving the replacement, when known
     */
    record Entry(String apiVersion, String kind, Optional<KubernetesVersion> deprecatedIn,
            Optional<KubernetesVersion> removedIn, Optional<String> replacement,
            Optional<KubernetesVersion> replacementSince) {
        Entry {
            Objects.requireNonNull(apiVersion, "apiVersion");
            Objects.requireNonNull(kind, "kind");
        }

        /** True when {@code target} no longer serves this apiVersion. */
        boolean isRemovedIn(final KubernetesVersion target) {
            return removedIn.map(target::isAtLeast).orElse(false);
        }

        /** True when {@code target} still serves this apiVersion but has deprecated it. */
        boolean isDeprecatedIn(final KubernetesVersion target) {
            return !isRemovedIn(target) && deprecatedIn.map(target::isAtLeast).orElse(false);
        }

        /** How to migrate, for messages. */
        String advice() {
            return replacement.map(r -> "use " + r + replacementSince.map(s -> " (served since " + s + ")")
                    .orElse("")).orElse(kind + " has no replacement API");
        }
    }
}
