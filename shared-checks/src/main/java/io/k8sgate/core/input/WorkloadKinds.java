package io.k8sgate.core.input;

import io.k8sgate.core.model.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The kinds that run pods and where their pods and containers are: data, not code. The built-in table
 * ({@code workload-kinds.yaml} beside this class, listed in the README) covers Kubernetes' own workloads and the
 * well-known batch, CI, machine-learning and serving operators; a policy adds kinds with {@code workloadKinds:} in the
 * same format. A kind in no table is still a workload when it has a pod template ({@code spec.template.spec} with
 * containers, or a CronJob-like {@code spec.jobTemplate.spec.template.spec}).
 */
public final class WorkloadKinds {
    private static final String RESOURCE = "workload-kinds.yaml";
    private static final Set<String> KIND_KEYS = Set.of("apiGroup", "kinds", "runsToCompletion", "pods");
    private static final Set<String> POD_KEYS = Set.of("path", "metadata", "defaults", "securityContext",
            "containers", "patch");
    private static final Map<String, Container.Type> CONTAINER_TYPES = Map.of("container", Container.Type.CONTAINER,
            "init", Container.Type.INIT, "ephemeral", Container.Type.EPHEMERAL);
    /** Pod templates of kinds that no table names. */
    private static final List<PodLocation> GENERIC = List.of(PodLocation.podSpec("spec.template.spec"),
            PodLocation.podSpec("spec.jobTemplate.spec.template.spec"));

    /** The built-in table. */
    public static final WorkloadKinds BUILT_IN = new WorkloadKinds(readBuiltIn());

    private final Map<String, WorkloadKind> byKind;

    /**
     * One kind (or several of one API group that share their layout) and where its pods are.
     *
     * @param apiGroup         the API group ({@code apiVersion} before the slash); empty for the core group
     * @param kinds            the kinds
     * @param runsToCompletion whether its pods run to completion (jobs, pipelines), where probes make no sense
     * @param pods             where its pods are
     */
    public record WorkloadKind(String apiGroup, Set<String> kinds, boolean runsToCompletion, List<PodLocation> pods) {
        public WorkloadKind {
            Objects.requireNonNull(apiGroup, "apiGroup");
            kinds = Collections.unmodifiableSet(new LinkedHashSet<>(kinds));
            pods = List.copyOf(pods);
        }
    }

    private WorkloadKinds(final List<WorkloadKind> kinds) {
        Map<String, WorkloadKind> map = new LinkedHashMap<>();
        for (WorkloadKind k : kinds) {
            for (String kind : k.kinds()) {
                map.put(key(k.apiGroup(), kind), k);
            }
        }
        this.byKind = map;
    }

    /** This table with {@code added} kinds; an added kind replaces the built-in entry of the same group and kind. */
    public WorkloadKinds with(final List<WorkloadKind> added) {
        if (added.isEmpty()) {
            return this;
        }
        List<WorkloadKind> all = new ArrayList<>(new LinkedHashSet<>(byKind.values()));
        all.addAll(added);
        return new WorkloadKinds(all);
    }

    /** Every entry, for documentation. */
    public List<WorkloadKind> entries() {
        return List.copyOf(new LinkedHashSet<>(byKind.values()));
    }

    /** The entry of an object's kind, if a table names it. */
    public Optional<WorkloadKind> kindOf(final K8sObject object) {
        return Optional.ofNullable(byKind.get(key(object.apiGroup(), object.kind())));
    }

    /** The workloads of an object: one per pod it describes, none when it runs no pods. */
    public List<Workload> workloadsOf(final K8sObject object) {
        return workloadsOf(object, d -> { });
    }

    /**
     * The workloads of an object, reporting to {@code misplaced} each place where a known kind's pod should be but
     * something other than a mapping is (a string where the pod spec belongs): the API server refuses such an
     * object, so it is an input error, never "no pods".
     */
    public List<Workload> workloadsOf(final K8sObject object, final Consumer<Diagnostic> misplaced) {
        Optional<WorkloadKind> known = kindOf(object);
        List<Workload> found = new ArrayList<>();
        if (known.isPresent()) {
            for (PodLocation location : known.get().pods()) {
                for (YamlNode pod : YamlPath.select(object.root(), location.path())) {
                    if (pod.isMap()) {
                        found.add(new Workload(object, pod, location, known.get().runsToCompletion()));
                    } else {
                        misplaced.accept(TypedFields.refused(pod, "a pod specification (a mapping)"));
                    }
                }
            }
            return found;
        }
        for (PodLocation location : GENERIC) {
            for (YamlNode pod : YamlPath.select(object.root(), location.path())) {
                if (pod.isMap() && (pod.get("containers").isPresent() || pod.get("initContainers").isPresent())) {
                    found.add(new Workload(object, pod, location, false));
                }
            }
        }
        return found;
    }

    private static String key(final String group, final String kind) {
        return group + "/" + kind;
    }

    /**
     * Reads a list of kinds in the table's format.
     *
     * @param list     the list ({@code workloadKinds:} of a policy, or the built-in table)
     * @param problems receives each malformed entry with the node to point at
     * @return the kinds that could be read
     */
    public static List<WorkloadKind> read(final YamlNode list, final BiConsumer<YamlNode, String> problems) {
        List<WorkloadKind> out = new ArrayList<>();
        if (list.isUnset()) {
            return out;
        }
        if (!list.isSequence()) {
            problems.accept(list, "workloadKinds must be a list of {apiGroup, kinds, pods}");
            return out;
        }
        for (YamlNode entry : list.elements()) {
            if (!entry.isMap()) {
                problems.accept(entry, "each workload kind is a mapping with apiGroup, kinds and pods");
                continue;
            }
            unknownKeys(entry, KIND_KEYS, problems);
            YamlNode group = entry.get("apiGroup");
            if (!group.isUnset() && !group.isString()) {
                problems.accept(group, "apiGroup must be a string (\"\" for the core group)");
            }
            Set<String> kinds = new LinkedHashSet<>();
            for (YamlNode kind : entry.get("kinds").elements()) {
                if (kind.isString() && !kind.text("").isBlank()) {
                    kinds.add(kind.text(""));
                } else {
                    problems.accept(kind, "a kind is a name such as Deployment");
                }
            }
            if (kinds.isEmpty()) {
                problems.accept(entry.get("kinds"), "kinds must be a non-empty list of kind names");
            }
            YamlNode completion = entry.get("runsToCompletion");
            if (completion.isPresent() && completion.bool().isEmpty()) {
                problems.accept(completion, "runsToCompletion must be true or false");
            }
            List<PodLocation> pods = new ArrayList<>();
            YamlNode podList = entry.get("pods");
            if (!podList.isSequence() || podList.size() == 0) {
                problems.accept(podList, "pods must be a non-empty list of pod locations ({path: ...})");
            }
            for (YamlNode pod : podList.elements()) {
                readPod(pod, problems).ifPresent(pods::add);
            }
            if (!kinds.isEmpty() && !pods.isEmpty()) {
                out.add(new WorkloadKind(group.text(""), kinds, completion.isTrue(), pods));
            }
        }
        return out;
    }

    private static Optional<PodLocation> readPod(final YamlNode pod,
            final BiConsumer<YamlNode, String> problems) {
        if (pod.isString()) {
            return path(pod, problems).map(PodLocation::podSpec);
        }
        if (!pod.isMap()) {
            problems.accept(pod, "a pod location is a path such as spec.template.spec, or a mapping with path, "
                    + "metadata, defaults, securityContext and containers");
            return Optional.empty();
        }
        unknownKeys(pod, POD_KEYS, problems);
        Optional<String> path = path(pod.get("path"), problems);
        String metadata = optionalPath(pod.get("metadata"), "../metadata", problems);
        String defaults = optionalPath(pod.get("defaults"), "", problems);
        String patch = optionalPath(pod.get("patch"), "", problems);
        YamlNode sc = pod.get("securityContext");
        if (sc.isPresent() && !sc.isString()) {
            problems.accept(sc, "securityContext names the field of the pod-level security context");
        }
        List<PodLocation.ContainerLocation> containers = new ArrayList<>();
        boolean[] broken = {false};
        YamlNode listed = pod.get("containers");
        if (listed.isUnset()) {
            containers.addAll(PodLocation.POD_SPEC_CONTAINERS);
        } else if (!listed.isMap()) {
            problems.accept(listed, "containers maps each container path to its type (container, init, ephemeral)");
            broken[0] = true;
        } else {
            listed.entries().forEach((at, value) -> {
                // a type, or {type: ..., template: path of the container these inherit from}
                YamlNode type = value.isMap() ? value.get("type") : value;
                YamlNode template = value.isMap() ? value.get("template") : value.missing("template");
                Container.Type t = CONTAINER_TYPES.get(type.text("").toLowerCase(Locale.ROOT));
                if (value.isMap()) {
                    unknownKeys(value, Set.of("type", "template"), problems);
                }
                if (t == null) {
                    problems.accept(type, "a container type is container, init or ephemeral");
                    broken[0] = true;
                } else if (!YamlPath.isValid(at)) {
                    problems.accept(type, "'" + at + "' is not a path (such as containers[] or container)");
                    broken[0] = true;
                } else {
                    containers.add(new PodLocation.ContainerLocation(at, t, optionalPath(template, "", problems)));
                }
            });
        }
        return path.filter(p -> !broken[0])
                .map(p -> new PodLocation(p, metadata, defaults, sc.text("securityContext"), containers, patch));
    }

    private static Optional<String> path(final YamlNode node, final BiConsumer<YamlNode, String> problems) {
        String text = node.text("");
        if (!node.isString() || !YamlPath.isValid(text)) {
            problems.accept(node, "a pod path is written like spec.template.spec or spec.templates[].container "
                    + "(got '" + text + "')");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static String optionalPath(final YamlNode node, final String fallback,
            final BiConsumer<YamlNode, String> problems) {
        return node.isUnset() ? fallback : path(node, problems).orElse(fallback);
    }

    private static void unknownKeys(final YamlNode map, final Set<String> allowed,
            final BiConsumer<YamlNode, String> problems) {
        map.entries().forEach((k, v) -> {
            if (!allowed.contains(k)) {
                problems.accept(v, "Unknown key '" + k + "' (allowed: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        });
    }

    private static List<WorkloadKind> readBuiltIn() {
        try (InputStream in = WorkloadKinds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in table " + RESOURCE + " is missing from the jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> problems = new ArrayList<>();
            List<YamlDocument> docs = new YamlParser(LoaderLimits.DEFAULT).parse(RESOURCE, text,
                    d -> problems.add(d.toString()));
            YamlNode root = docs.isEmpty() ? null : docs.get(0).root().orElse(null);
            if (root == null) {
                throw new IllegalStateException(RESOURCE + " is empty");
            }
            List<WorkloadKind> kinds = read(root, (node, message) -> problems.add(node.location() + ": " + message));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The built-in table " + RESOURCE + " is broken: " + problems);
            }
            return kinds;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in table " + RESOURCE, e);
        }
    }
}
