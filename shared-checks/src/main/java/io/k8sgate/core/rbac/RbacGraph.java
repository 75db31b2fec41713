package io.k8sgate.core.rbac;

import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.LabelSelector;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.WorkloadKinds;
import io.k8sgate.core.input.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RBAC objects of one run resolved into effective permissions, following the API server's RBAC authorizer:
 * ClusterRole aggregation (label selectors over the ClusterRoles, transitively), RoleBinding to a ClusterRole
 * limited to the binding's namespace (cluster-scoped resources granted that way have no effect), wildcards,
 * literal resourceNames, subresources, non-resource URLs (ClusterRoleBinding only), service-account subjects and the
 * groups Kubernetes puts identities in.
 *
 * <p>Built once per run in time linear in the size of the inputs: roles are indexed by key, bindings by subject and
 * by role; a query looks at the assignments of one identity and its (at most three) groups.
 */
public final class RbacGraph {
    /** Resources that are not namespaced (the base resource before a {@code /subresource}). */
    static final Set<String> CLUSTER_SCOPED = Set.of("nodes", "namespaces", "persistentvolumes", "clusterroles",
            "clusterrolebindings", "certificatesigningrequests", "signers", "mutatingwebhookconfigurations",
            "validatingwebhookconfigurations", "validatingadmissionpolicies", "validatingadmissionpolicybindings",
            "mutatingadmissionpolicies", "mutatingadmissionpolicybindings", "customresourcedefinitions",
            "apiservices", "storageclasses", "csidrivers", "csinodes", "volumeattachments", "priorityclasses",
            "runtimeclasses", "ingressclasses", "podsecuritypolicies", "componentstatuses", "tokenreviews",
            "subjectaccessreviews", "selfsubjectaccessreviews", "selfsubjectrulesreviews", "flowschemas",
            "prioritylevelconfigurations", "users", "groups", "uids", "userextras", "ipaddresses", "servicecidrs");
    private static final String BUILTIN_FILE = "builtin-roles.yaml";
    private static final List<K8sObject> BUILTIN = loadBuiltins();

    private final Map<String, RbacRole> roles;
    private final Map<String, List<PolicyRule>> effectiveRules;
    private final IdentityHashMap<PolicyRule, RbacRole> ruleOwner;
    private final List<RbacBinding> bindings;
    private final Map<RbacSubject, List<Grant>> bySubject;
    private final List<Grant> allGrants;
    private final Map<String, List<RbacBinding>> bindingsByRole;
    private final Map<String, K8sObject> serviceAccounts;
    private final List<Workload> workloads;
    private final Map<String, Set<RbacSubject>> accountsByNamespace;
    private final Set<RbacSubject> allAccounts;
    private final List<K8sObject> tokenSecrets;
    /** The workloads that mount their account's token, in input order, and by namespace: read once per run. */
    private final List<MountedToken> mountedTokens;
    private final Map<String, List<MountedToken>> mountedTokensByNamespace;
    /** The long-lived token Secrets with the account each belongs to, in input order, and by namespace. */
    private final List<TokenSecret> tokenSecretList;
    private final Map<String, List<TokenSecret>> tokenSecretsByNamespace;
    /** The accounts the run's workloads use, and the bindings of the platform among the inputs. */
    private final Set<RbacSubject> workloadAccounts;
    private final Set<RbacBinding> platformBindings;
    /**
     * What the graph knows of each of its roles, found by the role itself (not by a key built per call): its key,
     * its effective rules, the bindings that reference it, and which of its rules grant a permission in a scope.
     */
    private final IdentityHashMap<RbacRole, RoleIndex> roleIndex;
    /** The roles and grants findings are about, chosen once per run. */
    private final List<RbacRole> reportableRoles;
    private final List<Grant> reportableGrants;

    /**
     * One role's facts, read once per run.
     *
     * @param key      {@code ClusterRole/name} or {@code Role/ns/name}
     * @param rules    the rules it grants (for an aggregated ClusterRole, the union of its sources' rules)
     * @param bindings the bindings that reference it, in input order
     * @param widestScope      the widest scope its rules can have ({@link #widestScope})
     * @param boundClusterWide whether a ClusterRoleBinding references it
     * @param granting         by scope, then by permission: the rules that grant the permission there, computed on
     *                         first asking (checks run in parallel, hence concurrent maps)
     * @param risky            by scope: the risky permissions it grants there, computed on first asking
     */
    private record RoleIndex(String key, List<PolicyRule> rules, List<RbacBinding> bindings, String widestScope,
            boolean boundClusterWide, Map<String, Map<Permission, List<PolicyRule>>> granting,
            Map<String, List<Permission>> risky) {
        static RoleIndex of(final RbacRole role, final String key, final List<PolicyRule> rules,
                final List<RbacBinding> bindings) {
            boolean clusterWide = bindings.stream().anyMatch(RbacBinding::isClusterWide);
            String widest = !role.isClusterRole() ? role.namespace()
                    : bindings.isEmpty() || clusterWide ? RbacBinding.CLUSTER_WIDE : bindings.get(0).scope();
            return new RoleIndex(key, rules, bindings, widest, clusterWide, new ConcurrentHashMap<>(),
                    new ConcurrentHashMap<>());
        }

        List<Permission> riskyIn(final String scope) {
            List<Permission> found = risky.get(scope);
            if (found == null) {
                found = risky.computeIfAbsent(scope, s -> RbacPermissions.RISKY.stream()
                        .filter(p -> !granting(p, s).isEmpty()).toList());
            }
            return found;
        }

        List<PolicyRule> granting(final Permission permission, final String scope) {
            Map<Permission, List<PolicyRule>> inScope = granting.get(scope);
            if (inScope == null) {
                inScope = granting.computeIfAbsent(scope, s -> new ConcurrentHashMap<>());
            }
            List<PolicyRule> found = inScope.get(permission);
            if (found == null) {
                found = inScope.computeIfAbsent(permission, p -> List.copyOf(p.grantedBy(rules, scope)));
            }
            return found;
        }
    }

    private RbacGraph(final List<K8sObject> objects, final List<Workload> workloads) {
        this.workloads = List.copyOf(workloads);
        Map<String, RbacRole> byKey = new LinkedHashMap<>();
        for (K8sObject o : BUILTIN) {
            RbacRole role = RbacRole.read(o, true);
            byKey.put(role.key(), role);
        }
        List<RbacBinding> bindingList = new ArrayList<>();
        Map<String, K8sObject> accounts = new HashMap<>();
        List<K8sObject> tokens = new ArrayList<>();
        for (K8sObject o : objects) {
            if (isTokenSecret(o)) {
                tokens.add(o);
            }
            if (!"rbac.authorization.k8s.io".equals(o.apiGroup()) && !"ServiceAccount".equals(o.kind())) {
                continue;
            }
            switch (o.kind()) {
                case RbacRole.ROLE, RbacRole.CLUSTER_ROLE -> {
                    RbacRole role = RbacRole.read(o, false);
                    byKey.put(role.key(), role);
                }
                case RbacBinding.ROLE_BINDING, RbacBinding.CLUSTER_ROLE_BINDING -> bindingList.add(RbacBinding.read(o));
                case "ServiceAccount" -> {
                    if (o.apiGroup().isEmpty()) {
                        accounts.put(namespaceOf(o) + "/" + o.name(), o);
                    }
                }
                default -> {
                    // other RBAC kinds grant nothing by themselves
                }
            }
        }
        this.roles = Collections.unmodifiableMap(byKey);
        this.ruleOwner = new IdentityHashMap<>();
        roles.values().forEach(r -> r.rules().forEach(rule -> ruleOwner.put(rule, r)));
        this.effectiveRules = aggregate(roles);
        this.bindings = List.copyOf(bindingList);
        this.serviceAccounts = Map.copyOf(accounts);
        Map<RbacSubject, List<Grant>> subjects = new HashMap<>();
        Map<String, List<RbacBinding>> byRole = new HashMap<>();
        List<Grant> everyGrant = new ArrayList<>();
        for (RbacBinding b : bindings) {
            byRole.computeIfAbsent(b.roleKey(), k -> new ArrayList<>()).add(b);
            RbacRole role = roles.get(b.roleKey());
            if (role == null) {
                continue;
            }
            for (int i = 0; i < b.subjects().size(); i++) {
                RbacSubject s = b.subjects().get(i).subject();
                Grant grant = new Grant(s, b, i, role, b.scope());
                everyGrant.add(grant);
                subjects.computeIfAbsent(s, k -> new ArrayList<>()).add(grant);
            }
        }
        this.allGrants = List.copyOf(everyGrant);
        this.bySubject = subjects;
        this.bindingsByRole = byRole;
        List<MountedToken> mounted = new ArrayList<>();
        List<RbacSubject> workloadAccounts = new ArrayList<>();
        for (Workload w : this.workloads) {
            // namespace and service account are read from the tree once per workload, never per query
            RbacSubject account = RbacSubject.serviceAccount(w.namespace(), w.serviceAccountName());
            workloadAccounts.add(account);
            if (readMountsToken(w, account)) {
                mounted.add(new MountedToken(w, account));
            }
        }
        this.workloadAccounts = Set.copyOf(workloadAccounts);
        Set<RbacBinding> platform = Collections.newSetFromMap(new IdentityHashMap<>());
        bindings.stream().filter(b -> PlatformObjects.isPlatformBinding(b, this.workloadAccounts))
                .forEach(platform::add);
        this.platformBindings = Collections.unmodifiableSet(platform);
        this.mountedTokens = List.copyOf(mounted);
        this.mountedTokensByNamespace = byNamespace(mountedTokens, m -> m.account().namespace());
        this.accountsByNamespace = knownAccounts(workloadAccounts);
        Set<RbacSubject> all = new TreeSet<>();
        accountsByNamespace.values().forEach(all::addAll);
        this.allAccounts = Collections.unmodifiableSet(all);
        this.tokenSecrets = List.copyOf(tokens);
        this.tokenSecretList = tokens.stream().map(t -> new TokenSecret(t, accountOfToken(t))).toList();
        this.tokenSecretsByNamespace = byNamespace(tokenSecretList, t -> t.account().namespace());
        this.roleIndex = new IdentityHashMap<>(); // filled here, only read afterwards
        roles.forEach((key, role) -> roleIndex.put(role, RoleIndex.of(role, key,
                effectiveRules.getOrDefault(key, role.rules()), List.copyOf(byRole.getOrDefault(key, List.of())))));
        this.reportableRoles = roles.values().stream().filter(r -> !PlatformObjects.isPlatformRole(r)).toList();
        this.reportableGrants = allGrants.stream().filter(g -> !isPlatform(g.binding())).toList();
    }

    private static <T> Map<String, List<T>> byNamespace(final List<T> items,
            final java.util.function.Function<T, String> namespace) {
        Map<String, List<T>> out = new HashMap<>();
        items.forEach(i -> out.computeIfAbsent(namespace.apply(i), k -> new ArrayList<>()).add(i));
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The graph of a run's objects and the workloads among them (the checks share one per run); only workloads that
     * run containers mount tokens.
     */
    public static RbacGraph of(final List<K8sObject> objects, final List<Workload> workloads) {
        return new RbacGraph(objects, workloads.stream().filter(Workload::runsContainers).toList());
    }

    /** The graph of the given objects (for tools and benchmarks that do not run the checks). */
    public static RbacGraph of(final List<K8sObject> objects) {
        List<Workload> found = new ArrayList<>();
        objects.forEach(o -> WorkloadKinds.BUILT_IN.workloadsOf(o).stream().filter(Workload::runsContainers)
                .forEach(found::add));
        return new RbacGraph(objects, found);
    }

    /** The namespace of a namespaced object: as written, or {@code default}. */
    static String namespaceOf(final K8sObject object) {
        String ns = object.namespace();
        return ns.isEmpty() ? "default" : ns;
    }

    /** {@code ClusterRole/name} or {@code Role/ns/name}. */
    static String roleKey(final String kind, final String namespace, final String name) {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }

    /** True when the base resource (before any {@code /subresource}) is cluster-scoped. */
    public static boolean isClusterScoped(final String resource) {
        int slash = resource.indexOf('/');
        return CLUSTER_SCOPED.contains(slash < 0 ? resource : resource.substring(0, slash));
    }

    // ---------------------------------------------------------------- roles and aggregation

    private Map<String, List<PolicyRule>> aggregate(final Map<String, RbacRole> all) {
        Map<String, List<PolicyRule>> rules = new HashMap<>();
        Map<String, List<RbacRole>> sources = new LinkedHashMap<>();
        List<RbacRole> clusterRoles = all.values().stream().filter(RbacRole::isClusterRole).toList();
        for (RbacRole role : all.values()) {
            if (role.isAggregated()) {
                rules.put(role.key(), List.of());
                sources.put(role.key(), clusterRoles.stream().filter(c -> !c.key().equals(role.key()))
                        .filter(c -> LabelSelector.matchesAny(role.aggregationRule().get("clusterRoleSelectors"),
                                c.labels()))
                        .toList());
            } else {
                rules.put(role.key(), role.rules());
            }
        }
        // the controller keeps syncing until every aggregated role holds the union of its sources' current rules
        boolean changed = true;
        for (int round = 0; changed && round <= sources.size(); round++) {
            changed = false;
            for (var entry : sources.entrySet()) {
                Set<PolicyRule> union = new LinkedHashSet<>();
                entry.getValue().forEach(src -> union.addAll(rules.getOrDefault(src.key(), List.of())));
                if (union.size() != rules.getOrDefault(entry.getKey(), List.of()).size()) {
                    rules.put(entry.getKey(), List.copyOf(union));
                    changed = true;
                }
            }
        }
        return Collections.unmodifiableMap(rules);
    }

    /** Every role known to the run: the inputs' and the built-in defaults they do not replace. */
    public List<RbacRole> roles() {
        return List.copyOf(roles.values());
    }

    /** The roles written in the inputs. */
    public List<RbacRole> inputRoles() {
        return roles.values().stream().filter(r -> !r.builtIn()).toList();
    }

    /**
     * The roles of the inputs that findings are about: not the default and platform roles
     * ({@link PlatformObjects#isPlatformRole}), which every cluster holds whatever its owners do.
     */
    public List<RbacRole> reportableRoles() {
        return reportableRoles;
    }

    /** A role by key ({@code ClusterRole/name}, {@code Role/ns/name}). */
    public Optional<RbacRole> role(final String key) {
        return Optional.ofNullable(roles.get(key));
    }

    /** The rules a role grants: its own, or for an aggregated ClusterRole the union of the matching roles' rules. */
    public List<PolicyRule> rulesOf(final RbacRole role) {
        RoleIndex known = roleIndex.get(role);
        return known != null ? known.rules() : effectiveRules.getOrDefault(role.key(), role.rules());
    }

    /**
     * The rules of a role that grant a permission in a scope ({@link Permission#grantedBy}), computed once per role,
     * scope and permission (for a role of this graph; another is evaluated on each call).
     */
    public List<PolicyRule> granting(final Permission permission, final RbacRole role, final String scope) {
        RoleIndex known = roleIndex.get(role);
        return known != null ? known.granting(permission, scope) : permission.grantedBy(rulesOf(role), scope);
    }

    /** The risky permissions ({@link RbacPermissions#RISKY}) a role grants in a scope. */
    public List<Permission> riskyIn(final RbacRole role, final String scope) {
        RoleIndex known = roleIndex.get(role);
        if (known != null) {
            return known.riskyIn(scope);
        }
        return RbacPermissions.RISKY.stream().filter(p -> !granting(p, role, scope).isEmpty()).toList();
    }

    /** The role a rule is written in (for a rule that reached an aggregated role). */
    public RbacRole ownerOf(final PolicyRule rule) {
        return Objects.requireNonNull(ruleOwner.get(rule), "every rule has an owner");
    }

    /** The bindings that reference a role. */
    public List<RbacBinding> bindingsOf(final RbacRole role) {
        RoleIndex known = roleIndex.get(role);
        return known != null ? known.bindings() : bindingsByRole.getOrDefault(role.key(), List.of());
    }

    /**
     * True when a role's grants can reach cluster-scoped resources: a ClusterRole that is unbound in the inputs (it
     * may be bound cluster-wide elsewhere) or bound by a ClusterRoleBinding. A Role, and a ClusterRole referenced only
     * by RoleBindings, grant only inside namespaces.
     */
    public boolean reachesClusterScope(final RbacRole role) {
        RoleIndex known = roleIndex.get(role);
        if (known != null) {
            return role.isClusterRole() && RbacBinding.CLUSTER_WIDE.equals(known.widestScope());
        }
        if (!role.isClusterRole()) {
            return false;
        }
        List<RbacBinding> refs = bindingsOf(role);
        return refs.isEmpty() || refs.stream().anyMatch(RbacBinding::isClusterWide);
    }

    /**
     * The widest scope a role's rules can have: cluster-wide for a ClusterRole that is unbound in the inputs or bound
     * by a ClusterRoleBinding, the namespace of its first RoleBinding for one bound only by RoleBindings, and its own
     * namespace for a Role.
     */
    public String widestScope(final RbacRole role) {
        RoleIndex known = roleIndex.get(role);
        if (known != null) {
            return known.widestScope();
        }
        if (reachesClusterScope(role)) {
            return RbacBinding.CLUSTER_WIDE;
        }
        return role.isClusterRole() ? bindingsOf(role).get(0).scope() : role.namespace();
    }

    /** True when a ClusterRoleBinding of the inputs references the role. */
    public boolean isBoundClusterWide(final RbacRole role) {
        RoleIndex known = roleIndex.get(role);
        return known != null ? known.boundClusterWide()
                : bindingsOf(role).stream().anyMatch(RbacBinding::isClusterWide);
    }

    // ---------------------------------------------------------------- bindings and subjects

    /** Every binding. */
    public List<RbacBinding> bindings() {
        return bindings;
    }

    /** The grants of every binding subject whose role is known, binding by binding. */
    public List<Grant> grants() {
        return allGrants;
    }

    /** The grants an identity is named in by a binding itself (not through a group). */
    public List<Grant> ownGrants(final RbacSubject subject) {
        return bySubject.getOrDefault(subject, List.of());
    }

    /** The bindings whose role is neither among the inputs nor built in: they grant nothing now. */
    public List<RbacBinding> unresolvedBindings() {
        return bindings.stream().filter(b -> !roles.containsKey(b.roleKey())).toList();
    }

    /**
     * The grants of the bindings that findings are about: every grant but those of the platform's own bindings
     * ({@link PlatformObjects#isPlatformBinding}).
     */
    public List<Grant> reportableGrants() {
        return reportableGrants;
    }

    /** True for a binding of the platform itself (see {@link PlatformObjects#isPlatformBinding}). */
    public boolean isPlatform(final RbacBinding binding) {
        return platformBindings.contains(binding);
    }

    /** The service accounts the run's workloads run as. */
    public Set<RbacSubject> workloadAccounts() {
        return workloadAccounts;
    }

    /** The grants an identity holds: bound to it directly or to one of the groups Kubernetes puts it in. */
    public List<Grant> grantsOf(final RbacSubject subject) {
        List<Grant> all = new ArrayList<>();
        for (RbacSubject s : subject.withGroups()) {
            all.addAll(bySubject.getOrDefault(s, List.of()));
        }
        return all;
    }

    /** Every identity named by a binding. */
    public Set<RbacSubject> subjects() {
        return Collections.unmodifiableSet(bySubject.keySet());
    }

    /**
     * The grants (with the rule) that allow a request, as the RBAC authorizer decides it.
     *
     * @param subject   who asks
     * @param verb      the verb
     * @param group     the API group ({@code ""} for the core group)
     * @param resource  {@code resource} or {@code resource/subresource}
     * @param name      the object's name, empty for a collection or "any object"
     * @param namespace the request's namespace, empty for a cluster-scoped resource or an all-namespaces request
     * @return the grants that allow it, each with the matching rule; empty when denied
     */
    public List<RuleGrant> allows(final RbacSubject subject, final String verb, final String group,
            final String resource, final String name, final String namespace) {
        List<RuleGrant> out = new ArrayList<>();
        for (Grant g : grantsOf(subject)) {
            if (!g.isClusterWide() && !inScope(g.scope(), resource, name, namespace)) {
                continue;
            }
            for (PolicyRule rule : rulesOf(g.role())) {
                if (rule.allows(verb, group, resource, name)) {
                    out.add(new RuleGrant(g, rule));
                }
            }
        }
        return out;
    }

    private static boolean inScope(final String scope, final String resource, final String name,
            final String namespace) {
        if ("namespaces".equals(resource) || resource.startsWith("namespaces/")) {
            // a namespaced grant reaches the Namespace object of its own namespace
            return scope.equals(name);
        }
        return !isClusterScoped(resource) && scope.equals(namespace);
    }

    /** The grants that allow a non-resource URL: only ClusterRoles bound by ClusterRoleBindings grant them. */
    public List<RuleGrant> allowsUrl(final RbacSubject subject, final String verb, final String path) {
        List<RuleGrant> out = new ArrayList<>();
        for (Grant g : grantsOf(subject)) {
            if (g.isClusterWide()) {
                for (PolicyRule rule : rulesOf(g.role())) {
                    if (rule.allowsUrl(verb, path)) {
                        out.add(new RuleGrant(g, rule));
                    }
                }
            }
        }
        return out;
    }

    /**
     * What an identity can do, by scope ({@code *} for cluster-wide, else a namespace): every rule of every grant it
     * holds directly or through its groups. Rules about cluster-scoped resources stay listed under a namespaced
     * scope because a rule can mix resources; {@link #allows} decides what they are worth.
     */
    public Map<String, List<RuleGrant>> permissionsOf(final RbacSubject subject) {
        Map<String, List<RuleGrant>> byScope = new TreeMap<>();
        for (Grant g : grantsOf(subject)) {
            for (PolicyRule rule : rulesOf(g.role())) {
                byScope.computeIfAbsent(g.scope(), k -> new ArrayList<>()).add(new RuleGrant(g, rule));
            }
        }
        return byScope;
    }

    /**
     * The effective permissions of every identity named by a binding, by scope: the whole index, computed in time
     * linear in bindings x rules (group members are not expanded into it: {@link #permissionsOf} adds the groups of
     * one identity at query time).
     */
    public Map<RbacSubject, Map<String, Integer>> effectivePermissionCounts() {
        Map<RbacSubject, Map<String, Integer>> index = new HashMap<>();
        for (var entry : bySubject.entrySet()) {
            Map<String, Integer> byScope = new TreeMap<>();
            for (Grant g : entry.getValue()) {
                byScope.merge(g.scope(), rulesOf(g.role()).size(), Integer::sum);
            }
            index.put(entry.getKey(), byScope);
        }
        return index;
    }

    // ---------------------------------------------------------------- service accounts and workloads

    /** Every workload of the run. */
    public List<Workload> workloads() {
        return workloads;
    }

    /** The ServiceAccount object, if the inputs define it. */
    public Optional<K8sObject> serviceAccount(final String namespace, final String name) {
        return Optional.ofNullable(serviceAccounts.get(namespace + "/" + name));
    }

    /**
     * True when the workload's pods get their service account's token: the pod's
     * {@code automountServiceAccountToken} when set, else the ServiceAccount's, else true.
     */
    public boolean mountsToken(final Workload workload) {
        return readMountsToken(workload, accountOf(workload));
    }

    private boolean readMountsToken(final Workload workload, final RbacSubject account) {
        Optional<Boolean> pod = workload.podField("automountServiceAccountToken").bool();
        if (pod.isPresent()) {
            return pod.get();
        }
        return serviceAccount(account.namespace(), account.name())
                .flatMap(sa -> sa.root().get("automountServiceAccountToken").bool()).orElse(true);
    }

    /** The workloads whose pods mount their service account's token, each with that account, in input order. */
    public List<MountedToken> mountedTokens() {
        return mountedTokens;
    }

    /** The workloads of a namespace ({@code *}: of every namespace) whose pods mount their account's token. */
    public List<MountedToken> mountedTokensIn(final String scope) {
        return RbacBinding.CLUSTER_WIDE.equals(scope) ? mountedTokens
                : mountedTokensByNamespace.getOrDefault(scope, List.of());
    }

    /** The long-lived token Secrets of a namespace ({@code *}: of every namespace), each with its account. */
    public List<TokenSecret> tokenSecretsIn(final String scope) {
        return RbacBinding.CLUSTER_WIDE.equals(scope) ? tokenSecretList
                : tokenSecretsByNamespace.getOrDefault(scope, List.of());
    }

    /** The identity a workload's pods run as. */
    public static RbacSubject accountOf(final Workload workload) {
        return RbacSubject.serviceAccount(workload.namespace(), workload.serviceAccountName());
    }

    /**
     * The service accounts known in a namespace (defined, named by a binding, or used by a workload, plus
     * {@code default}); {@code *} for every namespace.
     */
    public Set<RbacSubject> serviceAccountsIn(final String namespace) {
        if (RbacBinding.CLUSTER_WIDE.equals(namespace)) {
            return allAccounts;
        }
        return Collections.unmodifiableSet(accountsByNamespace.getOrDefault(namespace, Set.of()));
    }

    /**
     * The long-lived token Secrets of the inputs ({@code type: kubernetes.io/service-account-token}): whoever reads
     * secrets in their namespace holds the token of the service account they name. Only the annotation is read,
     * never the data.
     */
    public List<K8sObject> tokenSecrets() {
        return tokenSecrets;
    }

    /** The service account a token Secret belongs to. */
    public static RbacSubject accountOfToken(final K8sObject secret) {
        return RbacSubject.serviceAccount(namespaceOf(secret),
                secret.annotations().getOrDefault("kubernetes.io/service-account.name", ""));
    }

    private static boolean isTokenSecret(final K8sObject o) {
        return "Secret".equals(o.kind()) && o.apiGroup().isEmpty()
                && "kubernetes.io/service-account-token".equals(o.root().get("type").text(""))
                && !o.annotations().getOrDefault("kubernetes.io/service-account.name", "").isEmpty();
    }

    private Map<String, Set<RbacSubject>> knownAccounts(final List<RbacSubject> workloadAccounts) {
        Map<String, Set<RbacSubject>> byNs = new HashMap<>();
        for (K8sObject sa : serviceAccounts.values()) {
            byNs.computeIfAbsent(namespaceOf(sa), k -> new TreeSet<>())
                    .add(RbacSubject.serviceAccount(namespaceOf(sa), sa.name()));
        }
        for (RbacSubject s : bySubject.keySet()) {
            if (s.isServiceAccount() && !s.namespace().isEmpty()) {
                byNs.computeIfAbsent(s.namespace(), k -> new TreeSet<>()).add(s);
            }
        }
        for (RbacSubject account : workloadAccounts) {
            byNs.computeIfAbsent(account.namespace(), k -> new TreeSet<>()).add(account);
        }
        byNs.forEach((ns, set) -> set.add(RbacSubject.serviceAccount(ns, "default")));
        return byNs;
    }

    private static List<K8sObject> loadBuiltins() {
        try (InputStream in = RbacGraph.class.getResourceAsStream(BUILTIN_FILE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + BUILTIN_FILE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> problems = new ArrayList<>();
            List<K8sObject> objects = new ManifestLoader().parse("built-in:" + BUILTIN_FILE, text,
                    d -> problems.add(d.toString()));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Invalid " + BUILTIN_FILE + ": " + problems);
            }
            return List.copyOf(objects);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + BUILTIN_FILE, e);
        }
    }

    /**
     * A grant together with the rule that matters.
     *
     * @param grant the subject, binding, role and scope
     * @param rule  the rule of the role
     */
    public record RuleGrant(Grant grant, PolicyRule rule) {
        public RuleGrant {
            Objects.requireNonNull(grant, "grant");
            Objects.requireNonNull(rule, "rule");
        }
    }

    /**
     * A workload whose pods mount the token of their service account.
     *
     * @param workload the workload
     * @param account  the service account its pods run as
     */
    public record MountedToken(Workload workload, RbacSubject account) {
        public MountedToken {
            Objects.requireNonNull(workload, "workload");
            Objects.requireNonNull(account, "account");
        }
    }

    /**
     * A long-lived token Secret and the service account it belongs to.
     *
     * @param secret  the Secret (only its annotation is read, never its data)
     * @param account the service account it names
     */
    public record TokenSecret(K8sObject secret, RbacSubject account) {
        public TokenSecret {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(account, "account");
        }
    }

    /** Where a grant's subject is written: binding findings point there. */
    public static YamlNode subjectNode(final Grant grant) {
        return grant.binding().subjects().get(grant.index()).node();
    }
}
