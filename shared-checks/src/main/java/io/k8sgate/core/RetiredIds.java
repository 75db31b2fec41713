package io.k8sgate.core;

import io.k8sgate.core.baseline.Baseline;
import io.k8sgate.core.baseline.BaselineFinding;
import io.k8sgate.core.baseline.Snapshot;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.core.registry.RetiredCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what an earlier run recorded under a retired check id as its successor's, so that a baseline or a reference
 * build from before the retirement does not make every such finding new. A finding's fingerprint is derived from its
 * check id; the fingerprint it would have had under a retired id is its alias, and a recorded fingerprint that is an
 * alias stands for the current one. A recorded finding of a retired id is also recomputed from what the baseline keeps
 * of it (resource, container, field path), so that versions compare with each other without a current run.
 *
 * <p>In the same way, a recorded finding that the current run's finding on the same item now replaces
 * ({@link io.k8sgate.core.engine.FindingOverrides}) is read as answered by it: it is neither fixed nor new, and the
 * replacing finding, recorded too, compares as before.
 */
final class RetiredIds {
    private final CheckRegistry registry;
    private final Map<String, String> aliases;
    private final Set<String> replaced;

    private RetiredIds(final CheckRegistry registry, final Map<String, String> aliases, final Set<String> replaced) {
        this.registry = registry;
        this.aliases = aliases;
        this.replaced = replaced;
    }

    /** Without current findings: recorded findings are recomputed from what the baseline keeps. */
    static RetiredIds of(final CheckRegistry registry) {
        return new RetiredIds(registry, Map.of(), Set.of());
    }

    /**
     * With the aliases of the current findings' fingerprints, and the fingerprints of the current run's findings that
     * gave way to another finding on the same item.
     */
    static RetiredIds of(final CheckRegistry registry, final List<Finding> findings, final Set<String> replaced) {
        Map<String, String> aliases = new HashMap<>();
        if (!registry.retired().isEmpty()) {
            for (Finding f : findings) {
                for (RetiredCheck r : registry.retiredInFavourOf(f.checkId())) {
                    aliasOf(f, r.id(), aliases);
                }
            }
        }
        return new RetiredIds(registry, aliases, replaced);
    }

    /**
     * Records the fingerprint {@code f} would have had under {@code retiredId}: the plain one, or the one of a
     * definition of an object defined more than once, whose fingerprint also names the definition's file.
     */
    private static void aliasOf(final Finding f, final String retiredId, final Map<String, String> aliases) {
        if (f.fingerprint().equals(Finding.fingerprint(f.checkId(), f.resource(), f.container(), f.fieldPath()))) {
            aliases.put(Finding.fingerprint(retiredId, f.resource(), f.container(), f.fieldPath()), f.fingerprint());
            return;
        }
        String origin = f.location().file();
        if (f.fingerprint().equals(Finding.fingerprint(f.checkId(), f.resource(), f.container(), f.fieldPath(),
                origin))) {
            aliases.put(Finding.fingerprint(retiredId, f.resource(), f.container(), f.fieldPath(), origin),
                    f.fingerprint());
        }
    }

    /** A reference run's fingerprints, with the current fingerprint added for each alias among them. */
    Set<String> reference(final Set<String> fingerprints) {
        if (aliases.isEmpty()) {
            return fingerprints;
        }
        Set<String> out = new HashSet<>(fingerprints);
        fingerprints.forEach(fp -> {
            String current = aliases.get(fp);
            if (current != null) {
                out.add(current);
            }
        });
        return out;
    }

    /** The version with its findings of retired ids read as their successors'. */
    Baseline baseline(final Baseline version) {
        Snapshot content = snapshot(version.content());
        return content.equals(version.content()) ? version : new Baseline(version.metadata(), content);
    }

    /**
     * The content with its findings of retired ids read as their successors': the check id replaced, the
     * fingerprint made the current finding's (by alias) or recomputed; two recorded findings that now stand for the
     * same one are kept once, and one that a current finding replaces on the same item is left out.
     */
    Snapshot snapshot(final Snapshot content) {
        if (registry.retired().isEmpty() && replaced.isEmpty()) {
            return content;
        }
        Map<String, BaselineFinding> kept = new LinkedHashMap<>();
        boolean changed = false;
        for (BaselineFinding f : content.findings()) {
            BaselineFinding read = read(f);
            if (replaced.contains(read.fingerprint())) {
                changed = true; // answered by the finding that replaces it on the same item
                continue;
            }
            changed |= !read.equals(f);
            if (kept.putIfAbsent(read.fingerprint(), read) != null) {
                changed = true;
            }
        }
        return changed ? new Snapshot(content.resources(), new ArrayList<>(kept.values())) : content;
    }

    private BaselineFinding read(final BaselineFinding f) {
        String fingerprint = aliases.getOrDefault(f.fingerprint(), f.fingerprint());
        RetiredCheck retired = registry.retired().get(f.checkId());
        if (retired == null) {
            return fingerprint.equals(f.fingerprint()) ? f : withId(f, f.checkId(), fingerprint);
        }
        if (fingerprint.equals(f.fingerprint()) && f.fingerprint().equals(Finding.fingerprint(f.checkId(),
                f.resource(), f.container(), f.fieldPath()))) {
            fingerprint = Finding.fingerprint(retired.successor(), f.resource(), f.container(), f.fieldPath());
        }
        return withId(f, retired.successor(), fingerprint);
    }

    private static BaselineFinding withId(final BaselineFinding f, final String checkId, final String fingerprint) {
        return new BaselineFinding(fingerprint, checkId, f.severity(), f.resource(), f.container(), f.fieldPath(),
                f.suppressed());
    }
}
