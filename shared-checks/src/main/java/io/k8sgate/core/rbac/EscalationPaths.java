package io.k8sgate.core.rbac;

import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Privilege escalation paths: chains of steps by which a subject becomes other identities (creating pods that run as
 * a service account, requesting its token, reading its token Secret, impersonating it, exec into a pod that mounts
 * it) until one of them holds
 * a risky permission the subject does not. The search is breadth-first, so the path found is a shortest one, and
 * bounded in depth and in identities visited per subject.
 */
public final class EscalationPaths {
    /** The most identity changes a path may take. */
    static final int MAX_PIVOTS = 3;
    /** The most identities looked at from one subject. */
    static final int MAX_VISITED = 512;
    private static final RbacSubject MASTERS = RbacSubject.group(RbacSubject.MASTERS);

    /**
     * One step of a path.
     *
     * @param text what is done, for a person
     * @param via  the binding and role that allow it
     */
    public record Step(String text, String via) {
        public Step {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(via, "via");
        }

        @Override
        public String toString() {
            return text + " (" + via + ")";
        }
    }

    /**
     * A path from a subject to a permission it does not hold itself.
     *
     * @param start    the subject
     * @param entry    the grant of the subject that allows the first step
     * @param steps    the ordered steps; the last one is the permission reached
     * @param goal     the permission reached
     * @param severity how bad it is
     */
    public record Path(RbacSubject start, Grant entry, List<Step> steps, String goal, Severity severity) {
        public Path {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(entry, "entry");
            steps = List.copyOf(steps);
            Objects.requireNonNull(goal, "goal");
            Objects.requireNonNull(severity, "severity");
        }

        /** {@code 1. ...; 2. ...}, for messages. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < steps.size(); i++) {
                sb.append(i == 0 ? "" : "; ").append(i + 1).append(". ").append(steps.get(i));
            }
            return sb.toString();
        }

        /** The steps joined by {@link FindingProperties#PATH_STEP}, as the reports read them. */
        public String property() {
            return String.join(FindingProperties.PATH_STEP, steps.stream().map(Step::toString).toList());
        }
    }

    private record Pivot(RbacSubject target, Step step, Grant grant) {
    }

    private record Node(RbacSubject identity, List<Step> steps, Grant entry) {
    }

    private record Goal(String label, String scope, Severity severity, Step step) {
    }

    private final RbacGraph graph;

    private EscalationPaths(final RbacGraph graph) {
        this.graph = graph;
    }

    /** The escalation path of every binding subject that has one (at least two steps), in subject order. */
    public static List<Path> find(final RbacGraph graph) {
        EscalationPaths search = new EscalationPaths(graph);
        List<Path> paths = new ArrayList<>();
        for (RbacSubject start : new TreeSet<>(graph.subjects())) {
            search.from(start).ifPresent(paths::add);
        }
        return paths;
    }

    private Optional<Path> from(final RbacSubject start) {
        if (!canPivot(start)) {
            return Optional.empty();
        }
        Set<String> held = heldBy(start);
        if (held.contains(key(RbacPermissions.FULL_ADMIN.label(), RbacBinding.CLUSTER_WIDE))) {
            return Optional.empty();
        }
        List<Pivot> first = pivots(start, true);
        Deque<Node> queue = new ArrayDeque<>();
        Set<RbacSubject> visited = new HashSet<>();
        visited.add(start);
        for (Pivot p : first) {
            if (visited.add(p.target())) {
                queue.add(new Node(p.target(), List.of(p.step()), p.grant()));
            }
        }
        Path best = null;
        for (int expanded = 0; !queue.isEmpty() && expanded < MAX_VISITED; expanded++) {
            Node node = queue.poll();
            Optional<Goal> goal = bestGoal(node.identity(), held);
            if (goal.isPresent()) {
                List<Step> steps = new ArrayList<>(node.steps());
                steps.add(goal.get().step());
                Path path = new Path(start, node.entry(), steps, goal.get().label() + " " + scopeText(
                        goal.get().scope()), goal.get().severity());
                if (best == null || path.severity().compareTo(best.severity()) < 0) {
                    best = path;
                }
                if (best.severity() == Severity.CRITICAL) {
                    // breadth-first: no later path is shorter, and none is more severe
                    break;
                }
            }
            if (node.steps().size() < MAX_PIVOTS) {
                for (Pivot p : pivots(node.identity(), false)) {
                    if (visited.add(p.target())) {
                        List<Step> steps = new ArrayList<>(node.steps());
                        steps.add(p.step());
                        queue.add(new Node(p.target(), steps, node.entry()));
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The risky permissions a subject holds itself, as {@code label@scope}. */
    private Set<String> heldBy(final RbacSubject subject) {
        Set<String> held = new HashSet<>();
        for (Grant g : graph.grantsOf(subject)) {
            for (Permission p : graph.riskyIn(g.role(), g.scope())) {
                held.add(key(p.label(), g.scope()));
            }
        }
        return held;
    }

    private static String key(final String label, final String scope) {
        return label + "@" + scope;
    }

    private static String scopeText(final String scope) {
        return RbacBinding.CLUSTER_WIDE.equals(scope) ? "cluster-wide" : "in namespace " + scope;
    }

    /** The most severe permission of the identity that the start does not hold in that scope or cluster-wide. */
    private Optional<Goal> bestGoal(final RbacSubject identity, final Set<String> held) {
        if (identity.equals(MASTERS)) {
            return Optional.of(new Goal("do everything", RbacBinding.CLUSTER_WIDE, Severity.CRITICAL,
                    new Step("act as group system:masters, which bypasses RBAC", "built-in superuser group")));
        }
        Goal best = null;
        for (Grant g : graph.grantsOf(identity)) {
            for (Permission p : graph.riskyIn(g.role(), g.scope())) {
                if (held.contains(key(p.label(), RbacBinding.CLUSTER_WIDE)) || held.contains(key(p.label(),
                        g.scope()))) {
                    continue;
                }
                Severity severity = RbacPermissions.raise(p.severity(), g.scope());
                if (best == null || severity.compareTo(best.severity()) < 0) {
                    best = new Goal(p.label(), g.scope(), severity, new Step(identity.display() + " can "
                            + p.label() + " " + g.scopeText(), g.via()));
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** True when a direct grant of the subject allows any step to another identity (cheap, before building them). */
    private boolean canPivot(final RbacSubject subject) {
        for (Grant g : graph.grantsOf(subject)) {
            if (g.subject().equals(subject) && (has(RbacPermissions.POD_CREATE, g)
                    || has(RbacPermissions.CONTROLLER_WRITE, g) || has(RbacPermissions.SA_TOKEN, g)
                    || has(RbacPermissions.IMPERSONATE_SA, g) || has(RbacPermissions.IMPERSONATE, g)
                    || has(RbacPermissions.POD_EXEC, g)
                    || (!graph.tokenSecrets().isEmpty() && has(RbacPermissions.SECRETS_READ, g)))) {
                return true;
            }
        }
        return false;
    }

    /** The identities a subject can become, with the step and grant that allow it. */
    private List<Pivot> pivots(final RbacSubject subject, final boolean directOnly) {
        Map<RbacSubject, Pivot> out = new LinkedHashMap<>();
        for (Grant g : graph.grantsOf(subject)) {
            if (directOnly && !g.subject().equals(subject)) {
                continue;
            }
            List<PolicyRule> rules = graph.rulesOf(g.role());
            String scope = g.scope();
            String where = g.scopeText();
            if (has(RbacPermissions.POD_CREATE, g) || has(RbacPermissions.CONTROLLER_WRITE, g)) {
                accounts(scope).forEach(sa -> out.putIfAbsent(sa, new Pivot(sa, new Step("create a pod " + where
                        + " that runs as " + sa.display(), g.via()), g)));
            }
            for (RbacSubject sa : targets(RbacPermissions.SA_TOKEN, g)) {
                out.putIfAbsent(sa, new Pivot(sa, new Step("request a token of " + sa.display(), g.via()), g));
            }
            for (RbacSubject sa : targets(RbacPermissions.IMPERSONATE_SA, g)) {
                out.putIfAbsent(sa, new Pivot(sa, new Step("impersonate " + sa.display(), g.via()), g));
            }
            for (RbacSubject who : has(RbacPermissions.IMPERSONATE, g) ? impersonated(rules, scope)
                    : Set.<RbacSubject>of()) {
                out.putIfAbsent(who, new Pivot(who, new Step("impersonate " + who.display(), g.via()), g));
            }
            if (has(RbacPermissions.SECRETS_READ, g)) {
                for (K8sObject secret : graph.tokenSecrets()) {
                    RbacSubject sa = RbacGraph.accountOfToken(secret);
                    if (g.isClusterWide() || sa.namespace().equals(scope)) {
                        out.putIfAbsent(sa, new Pivot(sa, new Step("read the token Secret " + secret.ref().display()
                                + " of " + sa.display(), g.via()), g));
                    }
                }
            }
            if (has(RbacPermissions.POD_EXEC, g)) {
                for (Workload w : graph.workloads()) {
                    RbacSubject sa = RbacGraph.accountOf(w);
                    if ((g.isClusterWide() || w.namespace().equals(scope)) && graph.mountsToken(w)) {
                        out.putIfAbsent(sa, new Pivot(sa, new Step("exec into " + w.ref().display()
                                + " and use the token of " + sa.display(), g.via()), g));
                    }
                }
            }
        }
        out.remove(subject);
        return List.copyOf(out.values());
    }

    /** The service accounts of the scope that the permission reaches: all, or those its rules name. */
    private Set<RbacSubject> targets(final Permission p, final Grant g) {
        Set<RbacSubject> out = new TreeSet<>();
        if (!has(p, g)) {
            return out;
        }
        String scope = g.scope();
        for (PolicyRule rule : graph.rulesOf(g.role())) {
            if (granted(p, List.of(rule), scope)) {
                for (RbacSubject sa : accounts(scope)) {
                    if (!rule.hasResourceNames() || rule.resourceNames().contains(sa.name())) {
                        out.add(sa);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The users and groups the rules let a subject impersonate: group system:masters (and with it everything) when a
     * rule names no object, else the users and groups it names.
     */
    private static Set<RbacSubject> impersonated(final List<PolicyRule> rules, final String scope) {
        Set<RbacSubject> out = new TreeSet<>();
        for (PolicyRule rule : rules) {
            if (!granted(RbacPermissions.IMPERSONATE, List.of(rule), scope)) {
                continue;
            }
            if (!rule.hasResourceNames()) {
                out.add(MASTERS);
                continue;
            }
            for (String name : rule.resourceNames()) {
                if (rule.matchesResource("groups")) {
                    out.add(RbacSubject.group(name));
                }
                if (rule.matchesResource("users")) {
                    out.add(RbacSubject.user(name));
                }
            }
        }
        return out;
    }

    private Set<RbacSubject> accounts(final String scope) {
        return graph.serviceAccountsIn(scope);
    }

    private boolean has(final Permission p, final Grant g) {
        return !graph.granting(p, g.role(), g.scope()).isEmpty();
    }

    private static boolean granted(final Permission p, final List<PolicyRule> rules, final String scope) {
        return !p.grantedBy(rules, scope).isEmpty();
    }

}
