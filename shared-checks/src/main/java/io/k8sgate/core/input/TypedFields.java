package io.k8sgate.core.input;

import io.k8sgate.core.model.Diagnostic;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The types of the fields the checks read, as the API server decodes them. A value of the wrong type (the string
 * {@code "true"} in {@code privileged}, {@code 0.5} in {@code runAsUser}, a string where {@code securityContext}
 * belongs) makes the API server refuse the whole object; the gate reports it as an input error naming file and line
 * instead of reading the field as absent, which would let the object pass.
 */
public final class TypedFields {
    private static final long INT32_MIN = Integer.MIN_VALUE;
    private static final long INT32_MAX = Integer.MAX_VALUE;
    private static final int MAX_SHOWN = 40;

    /** The type of one field. */
    private interface Shape {
    }

    private enum Leaf implements Shape {
        BOOLEAN("a boolean (true or false, unquoted)"),
        INT32("a 32-bit integer"),
        INT64("a 64-bit integer"),
        STRING("a string"),
        INT_OR_STRING("an integer or a string"),
        QUANTITY("a quantity (such as 500m or 1Gi)"),
        OBJECT("a mapping"),
        LIST("a list");

        private final String description;

        Leaf(final String description) {
            this.description = description;
        }
    }

    private record Obj(Map<String, Shape> fields) implements Shape {
    }

    private record ListOf(Shape item) implements Shape {
    }

    private record MapOf(Shape value) implements Shape {
    }

    private static final Obj SECCOMP = obj("type", Leaf.STRING, "localhostProfile", Leaf.STRING);
    private static final Obj SE_LINUX = obj("user", Leaf.STRING, "role", Leaf.STRING, "type", Leaf.STRING, "level",
            Leaf.STRING);
    private static final Obj WINDOWS = obj("gmsaCredentialSpecName", Leaf.STRING, "gmsaCredentialSpec", Leaf.STRING,
            "runAsUserName", Leaf.STRING, "hostProcess", Leaf.BOOLEAN);
    private static final ListOf STRINGS = new ListOf(Leaf.STRING);
    private static final Obj CONTAINER_SECURITY = obj("privileged", Leaf.BOOLEAN, "allowPrivilegeEscalation",
            Leaf.BOOLEAN, "readOnlyRootFilesystem", Leaf.BOOLEAN, "runAsNonRoot", Leaf.BOOLEAN, "runAsUser",
            Leaf.INT64, "runAsGroup", Leaf.INT64, "procMount", Leaf.STRING,
            "capabilities", obj("add", STRINGS, "drop", STRINGS),
            "seccompProfile", SECCOMP, "appArmorProfile", SECCOMP, "seLinuxOptions", SE_LINUX,
            "windowsOptions", WINDOWS);
    private static final Obj POD_SECURITY = obj("runAsNonRoot", Leaf.BOOLEAN, "runAsUser", Leaf.INT64, "runAsGroup",
            Leaf.INT64, "fsGroup", Leaf.INT64, "supplementalGroups", new ListOf(Leaf.INT64),
            "fsGroupChangePolicy", Leaf.STRING, "supplementalGroupsPolicy", Leaf.STRING,
            "sysctls", new ListOf(obj("name", Leaf.STRING, "value", Leaf.STRING)),
            "seccompProfile", SECCOMP, "appArmorProfile", SECCOMP, "seLinuxOptions", SE_LINUX,
            "windowsOptions", WINDOWS);
    private static final Obj HANDLER = obj("httpGet", obj("port", Leaf.INT_OR_STRING, "host", Leaf.STRING, "path",
            Leaf.STRING, "scheme", Leaf.STRING), "tcpSocket", obj("port", Leaf.INT_OR_STRING, "host", Leaf.STRING),
            "grpc", obj("port", Leaf.INT32, "service", Leaf.STRING), "exec", obj("command", STRINGS));
    private static final Obj PROBE = extend(HANDLER, "initialDelaySeconds", Leaf.INT32, "periodSeconds", Leaf.INT32,
            "timeoutSeconds", Leaf.INT32, "successThreshold", Leaf.INT32, "failureThreshold", Leaf.INT32,
            "terminationGracePeriodSeconds", Leaf.INT64);
    private static final Obj CONTAINER = obj("name", Leaf.STRING, "image", Leaf.STRING, "imagePullPolicy",
            Leaf.STRING, "command", STRINGS, "args", STRINGS, "workingDir", Leaf.STRING,
            "stdin", Leaf.BOOLEAN, "stdinOnce", Leaf.BOOLEAN, "tty", Leaf.BOOLEAN,
            "ports", new ListOf(obj("name", Leaf.STRING, "containerPort", Leaf.INT32, "hostPort", Leaf.INT32,
                    "protocol", Leaf.STRING, "hostIP", Leaf.STRING)),
            "env", new ListOf(obj("name", Leaf.STRING, "value", Leaf.STRING, "valueFrom", Leaf.OBJECT)),
            "envFrom", new ListOf(Leaf.OBJECT),
            "resources", obj("limits", new MapOf(Leaf.QUANTITY), "requests", new MapOf(Leaf.QUANTITY)),
            "securityContext", CONTAINER_SECURITY, "livenessProbe", PROBE, "readinessProbe", PROBE,
            "startupProbe", PROBE, "lifecycle", obj("postStart", HANDLER, "preStop", HANDLER),
            "volumeMounts", new ListOf(obj("name", Leaf.STRING, "mountPath", Leaf.STRING, "readOnly", Leaf.BOOLEAN,
                    "subPath", Leaf.STRING, "mountPropagation", Leaf.STRING)));
    private static final Obj POD = obj("hostNetwork", Leaf.BOOLEAN, "hostPID", Leaf.BOOLEAN, "hostIPC", Leaf.BOOLEAN,
            "hostUsers", Leaf.BOOLEAN, "shareProcessNamespace", Leaf.BOOLEAN, "automountServiceAccountToken",
            Leaf.BOOLEAN, "enableServiceLinks", Leaf.BOOLEAN, "serviceAccountName", Leaf.STRING, "serviceAccount",
            Leaf.STRING, "restartPolicy", Leaf.STRING, "nodeName", Leaf.STRING, "runtimeClassName", Leaf.STRING,
            "terminationGracePeriodSeconds", Leaf.INT64, "activeDeadlineSeconds", Leaf.INT64,
            "securityContext", POD_SECURITY, "os", obj("name", Leaf.STRING),
            "volumes", new ListOf(obj("name", Leaf.STRING, "hostPath", obj("path", Leaf.STRING, "type",
                    Leaf.STRING))),
            "containers", new ListOf(Leaf.OBJECT), "initContainers", new ListOf(Leaf.OBJECT),
            "ephemeralContainers", new ListOf(Leaf.OBJECT));
    /** The fields of a RoleBinding or ClusterRoleBinding. */
    private static final Obj BINDING = obj("roleRef", obj("apiGroup", Leaf.STRING, "kind", Leaf.STRING, "name",
            Leaf.STRING), "subjects", new ListOf(obj("kind", Leaf.STRING, "name", Leaf.STRING, "namespace",
            Leaf.STRING, "apiGroup", Leaf.STRING)));
    /** Labels and annotations, of objects and of pods: Kubernetes reads only strings there. */
    private static final Obj METADATA = obj("name", Leaf.STRING, "namespace", Leaf.STRING, "labels",
            new MapOf(Leaf.STRING), "annotations", new MapOf(Leaf.STRING));
    /** Fields of objects other than pods that the checks read, by kind. */
    private static final Map<String, Obj> OBJECTS = Map.of(
            "Service", obj("spec", obj("type", Leaf.STRING, "loadBalancerSourceRanges", STRINGS, "ports",
                    new ListOf(obj("port", Leaf.INT32, "nodePort", Leaf.INT32, "targetPort", Leaf.INT_OR_STRING,
                            "protocol", Leaf.STRING, "name", Leaf.STRING)))),
            "ServiceAccount", obj("automountServiceAccountToken", Leaf.BOOLEAN),
            "Role", obj("rules", new ListOf(obj("apiGroups", STRINGS, "resources", STRINGS, "verbs", STRINGS,
                    "resourceNames", STRINGS, "nonResourceURLs", STRINGS))),
            "ClusterRole", obj("rules", new ListOf(obj("apiGroups", STRINGS, "resources", STRINGS, "verbs", STRINGS,
                    "resourceNames", STRINGS, "nonResourceURLs", STRINGS))),
            "RoleBinding", BINDING, "ClusterRoleBinding", BINDING);

    /** The code of the input errors about a value of a type Kubernetes refuses. */
    static final String INPUT_TYPE = "input-type";

    private TypedFields() {
    }

    /**
     * Reports every field of a workload's pod and containers whose value the API server would refuse: a container
     * in the pod-spec layout is a Kubernetes container, the pod node a pod spec.
     */
    public static void checkWorkload(final Workload workload, final Consumer<Diagnostic> problems) {
        check(workload.podSpec(), POD, problems);
        workload.patchProblems().forEach(problems);
        if (workload.podMetadata() != workload.object().metadata()) {
            check(workload.podMetadata(), METADATA, problems);
        }
        String podSecurity = workload.podSecurityField();
        if (!"securityContext".equals(podSecurity)) {
            check(workload.podSpec().get(podSecurity), POD_SECURITY, problems);
        }
        for (Container c : workload.containers()) {
            check(c.node(), CONTAINER, problems);
        }
        for (PodLocation.ContainerLocation at : workload.containerLocations()) {
            for (YamlNode node : YamlPath.select(workload.podSpec(), at.path())) {
                if (!node.isMap() && !".".equals(at.path())) {
                    problems.accept(refused(node, "a container (a mapping)"));
                }
            }
        }
    }

    /**
     * Reports the typed fields of every object's metadata (names, labels, annotations) and of the objects other than
     * pods that the checks read (Service ports, ServiceAccount flags, RBAC rules).
     */
    public static void checkObject(final K8sObject object, final Consumer<Diagnostic> problems) {
        check(object.metadata(), METADATA, problems);
        Obj shape = OBJECTS.get(object.kind());
        if (shape != null && (object.apiGroup().isEmpty() || "rbac.authorization.k8s.io".equals(object.apiGroup()))) {
            check(object.root(), shape, problems);
        }
    }

    private static void check(final YamlNode node, final Shape shape, final Consumer<Diagnostic> problems) {
        if (node.isUnset()) {
            return;
        }
        if (shape instanceof Obj o) {
            if (!node.isMap()) {
                problems.accept(refused(node, Leaf.OBJECT.description));
                return;
            }
            node.entries().forEach((name, value) -> {
                Shape field = o.fields().get(name);
                if (field != null) {
                    check(value, field, problems);
                }
            });
        } else if (shape instanceof ListOf l) {
            if (!node.isSequence()) {
                problems.accept(refused(node, Leaf.LIST.description));
                return;
            }
            node.elements().forEach(e -> check(e, l.item(), problems));
        } else if (shape instanceof MapOf m) {
            if (!node.isMap()) {
                problems.accept(refused(node, Leaf.OBJECT.description));
                return;
            }
            node.entries().values().forEach(v -> check(v, m.value(), problems));
        } else if (!accepts((Leaf) shape, node)) {
            Leaf leaf = (Leaf) shape;
            boolean show = leaf == Leaf.BOOLEAN || leaf == Leaf.INT32 || leaf == Leaf.INT64
                    || leaf == Leaf.INT_OR_STRING;
            problems.accept(refused(node, leaf.description, show));
        }
    }

    private static boolean accepts(final Leaf leaf, final YamlNode node) {
        YamlNode.JsonType type = node.jsonType();
        switch (leaf) {
            case BOOLEAN:
                return type == YamlNode.JsonType.BOOLEAN;
            case INT64:
                return node.number().isPresent();
            case INT32:
                return inInt32(node.number());
            case STRING:
                return type == YamlNode.JsonType.STRING;
            case INT_OR_STRING:
                return type == YamlNode.JsonType.STRING || inInt32(node.number());
            case QUANTITY:
                return type == YamlNode.JsonType.STRING || type == YamlNode.JsonType.NUMBER;
            case OBJECT:
                return type == YamlNode.JsonType.OBJECT;
            default:
                return type == YamlNode.JsonType.ARRAY;
        }
    }

    private static boolean inInt32(final OptionalLong n) {
        return n.isPresent() && n.getAsLong() >= INT32_MIN && n.getAsLong() <= INT32_MAX;
    }

    /** The input error for a value the API server refuses where {@code expected} belongs. */
    static Diagnostic refused(final YamlNode node, final String expected) {
        return refused(node, expected, false);
    }

    /**
     * The input error for a value the API server refuses where {@code expected} belongs; {@code show} quotes the
     * value (only for boolean and number fields: a string field may hold a credential).
     */
    private static Diagnostic refused(final YamlNode node, final String expected, final boolean show) {
        return Diagnostic.error(INPUT_TYPE, node.location(), node.fieldPath() + " is " + describe(node, show)
                + ", but Kubernetes reads " + expected + " there and refuses the object; the gate cannot check "
                + "what the cluster would run");
    }

    private static String describe(final YamlNode node, final boolean show) {
        String value = show && node.isScalar() ? " " + shown(node) : "";
        switch (node.jsonType()) {
            case OBJECT:
                return "a mapping";
            case ARRAY:
                return "a list";
            case BOOLEAN:
                return "the boolean" + value;
            case NUMBER:
                return "the number" + value + (node.number().isPresent() ? "" : " (not a whole number in range)");
            default:
                return "a string" + value;
        }
    }

    private static String shown(final YamlNode node) {
        String text = node.text("");
        String cut = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
        return node.isString() ? "\"" + cut + "\"" : cut;
    }

    private static Obj obj(final Object... pairs) {
        Map<String, Shape> fields = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], (Shape) pairs[i + 1]);
        }
        return new Obj(Map.copyOf(fields));
    }

    private static Obj extend(final Obj base, final Object... pairs) {
        Map<String, Shape> fields = new HashMap<>(base.fields());
        fields.putAll(obj(pairs).fields());
        return new Obj(Map.copyOf(fields));
    }
}
