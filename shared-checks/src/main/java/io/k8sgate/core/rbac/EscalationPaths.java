package io.k8sgate.core.rbac;

import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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

    /**
     * What one step reaches: one named identity, or a set of identities that the same permission reaches at once in
     * a scope (every account of the scope for pod creation or unnamed token requests, the accounts whose token
     * Secrets lie in the scope, the accounts whose tokens pods of the scope mount). A set is searched as one node:
     * how good it is and where it leads are computed once per run, not once per subject that reaches it, which keeps
     * the search linear in subjects plus objects however many subjects may exec into however many pods.
     *
     * @param key     identifies the target among all targets of a run
     * @param members the identities, each with what names it in a step
     */
    private record Target(String key, List<Member> members) {
    }

    /**
     * An identity of a target, and the object through which a step reaches it.
     *
     * @param identity the identity
     * @param through  the token Secret or the workload whose pods mount the token; empty when the step names only
     *                 the identity
     */
    private record Member(RbacSubject identity, String through) {
    }

    /** How a step is worded: what the grant lets the subject do to reach a member of the target. */
    private enum StepKind {
        CREATE_POD, REQUEST_TOKEN, IMPERSONATE, READ_TOKEN_SECRET, EXEC;

        String text(final Grant grant, final Member member) {
            String who = member.identity().display();
            return switch (this) {
                case CREATE_POD -> "create a pod " + grant.scopeText() + " that runs as " + who;
                case REQUEST_TOKEN -> "request a token of " + who;
                case IMPERSONATE -> "impersonate " + who;
                case READ_TOKEN_SECRET -> "read the token Secret " + member.through() + " of " + who;
                case EXEC -> "exec into " + member.through() + " and use the token of " + who;
            };
        }
    }

    /**
     * A step to a target: the grant that allows it and how it is worded.
     *
     * @param target the identities reached
     * @param kind   how the step is worded
     * @param grant  the grant of the identity taking the step
     */
    private record Edge(Target target, StepKind kind, Grant grant) {
        Step step(final Member member) {
            return new Step(kind.text(grant, member), grant.via());
        }
    }

    /**
     * A step onward from a target, with up to two members of it that can take it (the first one that is not the
     * subject whose path is searched is used).
     */
    private record Onward(Edge edge, List<Member> by) {
    }

    /**
     * A permission some member of a target holds, ready to end a path.
     *
     * @param heldAs   {@code label@scope}, compared with what the subject holds itself
     * @param label    the permission
     * @param scope    where it is held
     * @param severity how bad it is there
     * @param member   who holds it
     * @param step     the last step of a path that ends there
     */
    private record Goal(String heldAs, String label, String scope, Severity severity, Member member, Step step) {
    }

    /** A node of the breadth-first search: a target, the steps before the last, and the step into the target. */
    private record Node(Edge into, List<Step> before, Grant entry) {
        int depth() {
            return before.size() + 1;
        }

        List<Step> through(final Member member) {
            List<Step> steps = new ArrayList<>(before);
            steps.add(into.step(member));
            return steps;
        }
    }

    private final RbacGraph graph;
    /** Targets by key, built once per run. */
    private final Map<String, Target> targets = new HashMap<>();
    /** The goals of each target, most severe first, one per {@code label@scope}. */
    private final Map<String, List<Goal>> goals = new HashMap<>();
    /** The steps onward from each target. */
    private final Map<String, List<Onward>> onward = new HashMap<>();

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
        Deque<Node> queue = new ArrayDeque<>();
        Set<String> visited = new HashSet<>();
        visited.add(single(start).key());
        for (Edge e : edges(start, true)) {
            if (visited.add(e.target().key())) {
                queue.add(new Node(e, List.of(), e.grant()));
            }
        }
        Path best = null;
        for (int expanded = 0; !queue.isEmpty() && expanded < MAX_VISITED; expanded++) {
            Node node = queue.poll();
            Optional<Goal> goal = bestGoal(node.into().target(), held);
            if (goal.isPresent()) {
                List<Step> steps = node.through(goal.get().member());
                steps.add(goal.get().step());
                Path path = new Path(start, node.entry(), steps, goal.get().label() + " "
                        + scopeText(goal.get().scope()), goal.get().severity());
                if (best == null || path.severity().compareTo(best.severity()) < 0) {
                    best = path;
                }
                if (best.severity() == Severity.CRITICAL) {
                    // breadth-first: no later path is shorter, and none is more severe
                    break;
                }
            }
            if (node.depth() < MAX_PIVOTS) {
                for (Onward o : onwardFrom(node.into().target())) {
                    Optional<Member> by = o.by().stream().filter(m -> !m.identity().equals(start)).findFirst();
                    if (by.isPresent() && visited.add(o.edge().target().key())) {
                        queue.add(new Node(o.edge(), node.through(by.get()), node.entry()));
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

    /** The most severe permission of a member of the target that the start does not hold there or cluster-wide. */
    private Optional<Goal> bestGoal(final Target target, final Set<String> held) {
        for (Goal g : goals.computeIfAbsent(target.key(), k -> goalsOf(target))) {
            if (!held.contains(key(g.label(), RbacBinding.CLUSTER_WIDE)) && !held.contains(g.heldAs())) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    private List<Goal> goalsOf(final Target target) {
        List<Goal> all = new ArrayList<>();
        for (Member m : target.members()) {
            RbacSubject identity = m.identity();
            if (identity.equals(MASTERS)) {
                all.add(new Goal(key("do everything", RbacBinding.CLUSTER_WIDE), "do everything",
                        RbacBinding.CLUSTER_WIDE, Severity.CRITICAL, m, new Step("act as group system:masters, which "
                                + "bypasses RBAC", "built-in superuser group")));
                continue;
            }
            for (Grant g : graph.grantsOf(identity)) {
                for (Permission p : graph.riskyIn(g.role(), g.scope())) {
                    all.add(new Goal(key(p.label(), g.scope()), p.label(), g.scope(),
                            RbacPermissions.raise(p.severity(), g.scope()), m, new Step(identity.display() + " can "
                                    + p.label() + " " + g.scopeText(), g.via())));
                }
            }
        }
        // most severe first; among equals the first member, as a search identity by identity would meet them
        all.sort(java.util.Comparator.comparing(Goal::severity));
        Map<String, Goal> first = new LinkedHashMap<>();
        all.forEach(g -> first.putIfAbsent(g.heldAs(), g));
        return List.copyOf(first.values());
    }

    private List<Onward> onwardFrom(final Target target) {
        return onward.computeIfAbsent(target.key(), k -> {
            Map<String, Onward> out = new LinkedHashMap<>();
            for (Member m : target.members()) {
                for (Edge e : edges(m.identity(), false)) {
                    Onward known = out.get(e.target().key());
                    if (known == null) {
                        out.put(e.target().key(), new Onward(e, List.of(m)));
                    } else if (known.by().size() == 1 && !known.by().get(0).equals(m)) {
                        out.put(e.target().key(), new Onward(known.edge(), List.of(known.by().get(0), m)));
                    }
                }
            }
            return List.copyOf(out.values());
        });
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

    /** The steps an identity can take to other identities, one per target, with the grant that allows each. */
    private List<Edge> edges(final RbacSubject subject, final boolean directOnly) {
        Map<String, Edge> out = new LinkedHashMap<>();
        for (Grant g : graph.grantsOf(subject)) {
            if (directOnly && !g.subject().equals(subject)) {
                continue;
            }
            String scope = g.scope();
            if (has(RbacPermissions.POD_CREATE, g) || has(RbacPermissions.CONTROLLER_WRITE, g)) {
                add(out, new Edge(accounts(scope), StepKind.CREATE_POD, g));
            }
            named(RbacPermissions.SA_TOKEN, g).ifPresent(t -> add(out, new Edge(t, StepKind.REQUEST_TOKEN, g)));
            named(RbacPermissions.IMPERSONATE_SA, g).ifPresent(t -> add(out, new Edge(t, StepKind.IMPERSONATE, g)));
            if (has(RbacPermissions.IMPERSONATE, g)) {
                for (RbacSubject who : impersonated(graph.rulesOf(g.role()), scope)) {
                    add(out, new Edge(single(who), StepKind.IMPERSONATE, g));
                }
            }
            if (has(RbacPermissions.SECRETS_READ, g) && !graph.tokenSecretsIn(scope).isEmpty()) {
                add(out, new Edge(tokenSecrets(scope), StepKind.READ_TOKEN_SECRET, g));
            }
            if (has(RbacPermissions.POD_EXEC, g) && !graph.mountedTokensIn(scope).isEmpty()) {
                add(out, new Edge(mountedTokens(scope), StepKind.EXEC, g));
            }
        }
        out.remove(single(subject).key());
        return List.copyOf(out.values());
    }

    private static void add(final Map<String, Edge> out, final Edge edge) {
        out.putIfAbsent(edge.target().key(), edge);
    }

    /**
     * The service accounts of the grant's scope that a permission limited by resourceNames reaches: all of them
     * (as one target) when a granting rule names none, else the named ones; empty when the permission is not held.
     */
    private Optional<Target> named(final Permission p, final Grant g) {
        if (!has(p, g)) {
            return Optional.empty();
        }
        String scope = g.scope();
        Set<RbacSubject> out = new TreeSet<>();
        for (PolicyRule rule : graph.rulesOf(g.role())) {
            if (granted(p, List.of(rule), scope)) {
                if (!rule.hasResourceNames()) {
                    return Optional.of(accounts(scope));
                }
                for (RbacSubject sa : graph.serviceAccountsIn(scope)) {
                    if (rule.resourceNames().contains(sa.name())) {
                        out.add(sa);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            return Optional.empty();
        }
        if (out.size() == 1) {
            return Optional.of(single(out.iterator().next()));
        }
        return Optional.of(targets.computeIfAbsent("named:" + out, k -> new Target(k,
                out.stream().map(sa -> new Member(sa, "")).toList())));
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

    private Target single(final RbacSubject identity) {
        return targets.computeIfAbsent("identity:" + identity.display(),
                k -> new Target(k, List.of(new Member(identity, ""))));
    }

    private Target accounts(final String scope) {
        return targets.computeIfAbsent("accounts:" + scope, k -> new Target(k,
                graph.serviceAccountsIn(scope).stream().map(sa -> new Member(sa, "")).toList()));
    }

    private Target tokenSecrets(final String scope) {
        return targets.computeIfAbsent("token-secrets:" + scope, k -> new Target(k, graph.tokenSecretsIn(scope)
                .stream().map(t -> new Member(t.account(), t.secret().ref().display())).toList()));
    }

    private Target mountedTokens(final String scope) {
        return targets.computeIfAbsent("mounted-tokens:" + scope, k -> new Target(k, graph.mountedTokensIn(scope)
                .stream().map(t -> new Member(t.account(), t.workload().ref().display())).toList()));
    }

    private boolean has(final Permission p, final Grant g) {
        return !graph.granting(p, g.role(), g.scope()).isEmpty();
    }

    private static boolean granted(final Permission p, final List<PolicyRule> rules, final String scope) {
        return !p.grantedBy(rules, scope).isEmpty();
    }

}
