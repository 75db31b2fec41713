package io.k8sgate.core.engine;

import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.CheckOverride;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.ResourceRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One item, one finding: where a check declares that it overrides another ({@link CheckMetadata#overrides()}), the
 * other check's finding on the same item gives way to its finding, which names the other check in
 * {@link FindingProperties#ALSO_VIOLATES}. Pod Security Admission does the same with {@code OverrideCheckIDs}: a
 * Restricted check that includes a Baseline check's rule reports the item once.
 *
 * <p>A finding gives way only to a finding that is produced in the same run (a check the policy turns off replaces
 * nothing) and is at least as severe after the policy's severity overrides, so that the gate never fails or warns
 * less because of it. Relations chain: a finding that gives way to one that gives way in turn is named by the last
 * one. Exemptions are applied afterwards, to the findings that remain: an exemption of the replacing finding covers
 * the item, and the replaced finding does not come back.
 */
public final class FindingOverrides {
    private FindingOverrides() {
    }

    /**
     * What remains of a run's findings.
     *
     * @param findings the findings that remain, in the given order, each naming the checks it replaced
     * @param replaced the findings that gave way, in the given order
     */
    public record Result(List<Finding> findings, List<Finding> replaced) {
        public Result {
            findings = List.copyOf(findings);
            replaced = List.copyOf(replaced);
        }
    }

    /** The findings with those that give way to another finding on the same item taken out. */
    public static Result apply(final List<Finding> findings, final Collection<CheckMetadata> checks) {
        Map<String, List<Relation>> byWeaker = new HashMap<>();
        for (CheckMetadata m : checks) {
            m.overrides().forEach(o -> byWeaker.computeIfAbsent(o.checkId(), k -> new ArrayList<>())
                    .add(new Relation(m.id(), o.item())));
        }
        if (byWeaker.isEmpty()) {
            return new Result(findings, List.of());
        }
        Set<String> stronger = new java.util.HashSet<>();
        byWeaker.values().forEach(rs -> rs.forEach(r -> stronger.add(r.stronger())));
        Map<Key, List<Integer>> candidates = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (stronger.contains(f.checkId())) {
                candidates.computeIfAbsent(Key.of(f.checkId(), f), k -> new ArrayList<>()).add(i);
            }
        }
        int[] to = new int[findings.size()];
        Arrays.fill(to, -1);
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            for (Relation r : byWeaker.getOrDefault(f.checkId(), List.of())) {
                to[i] = replacing(f, r, candidates.getOrDefault(Key.of(r.stronger(), f), List.of()), findings);
                if (to[i] >= 0) {
                    break;
                }
            }
        }
        Map<Integer, Set<String>> named = new HashMap<>();
        List<Finding> replaced = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            if (to[i] >= 0) {
                Finding f = findings.get(i);
                Set<String> ids = named.computeIfAbsent(last(to, i), k -> new TreeSet<>());
                ids.add(f.checkId());
                ids.addAll(FindingProperties.ids(f, FindingProperties.ALSO_VIOLATES));
                replaced.add(f);
            }
        }
        List<Finding> kept = new ArrayList<>(findings.size() - replaced.size());
        for (int i = 0; i < findings.size(); i++) {
            if (to[i] < 0) {
                Finding f = findings.get(i);
                Set<String> ids = named.get(i);
                if (ids != null) {
                    ids.addAll(FindingProperties.ids(f, FindingProperties.ALSO_VIOLATES));
                    f = f.withProperty(FindingProperties.ALSO_VIOLATES, String.join(FindingProperties.SEPARATOR,
                            ids));
                }
                kept.add(f);
            }
        }
        return new Result(kept, replaced);
    }

    /** The index of the first candidate that replaces {@code f} under the relation, or -1. */
    private static int replacing(final Finding f, final Relation r, final List<Integer> candidates,
            final List<Finding> findings) {
        for (int j : candidates) {
            Finding g = findings.get(j);
            if (g.severity().isAtLeast(f.severity()) && sameItem(r.item(), f, g)) {
                return j;
            }
        }
        return -1;
    }

    /** The finding at the end of the chain from {@code i} (the registry refuses relations that form a cycle). */
    private static int last(final int[] to, final int i) {
        int at = i;
        for (int steps = 0; to[at] >= 0 && steps < to.length; steps++) {
            at = to[at];
        }
        return at;
    }

    /** True when the two findings of the same object definition and container are about the same item. */
    static boolean sameItem(final CheckOverride.Item item, final Finding a, final Finding b) {
        return switch (item) {
            case CONTAINER -> !a.container().isEmpty();
            case FIELD -> inside(a.fieldPath(), b.fieldPath()) || inside(b.fieldPath(), a.fieldPath());
        };
    }

    /** True when {@code path} is {@code outer} or a field path inside it ({@code outer.x}, {@code outer[0]}). */
    static boolean inside(final String path, final String outer) {
        return path.equals(outer) || (path.startsWith(outer) && !outer.isEmpty()
                && (path.charAt(outer.length()) == '.' || path.charAt(outer.length()) == '['));
    }

    /** A check of a relation: the replacing check and what the same item is. */
    private record Relation(String stronger, CheckOverride.Item item) {
    }

    /** A check's findings on one definition of an object and one container. */
    private record Key(String checkId, ResourceRef resource, String file, String container) {
        static Key of(final String checkId, final Finding f) {
            return new Key(checkId, f.resource(), f.location().file(), f.container());
        }
    }
}
