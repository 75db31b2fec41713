package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.k8sgate.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever Kubernetes reads, the gate reads, the same way (issue #16): each manifest below is decoded by
 * {@code kubectl} (Kubernetes' own YAML reader and typed decoding, offline) and by the gate, and the security fields
 * must agree: the same booleans and numbers, and a refusal by kubectl must be an input error for the gate. Covers tag,
 * boolean and number spellings, block scalars, merge keys, anchors and key conversion. Skipped, with the reason, where
 * kubectl is not installed.
 */
class KubectlDifferentialTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final String[] BOOLEANS = {"true", "True", "TRUE", "tRUE", "false", "FALSE", "yes", "Yes", "YES",
        "yEs", "no", "y", "Y", "n", "N", "on", "On", "ON", "off", "Off", "OFF", "\"true\"", "'true'", "\"yes\"",
        "\"on\"", "!!bool \"true\"", "!!bool 'on'", "!!bool yes", "!!bool \"y\"", "!!bool \"1\"", "!!bool \"TRUE\"",
        "!!str true", "! true", "!custom true", "!!bool", "~", "null", "Null", "NULL", "\"\"", "!!null \"\"",
        "!!null x", "1", "0", "!!int \"1\"", "[true]", "{a: b}", "|\n          true", ">-\n          true",
        "\"\\u0074rue\"", "!!binary dHJ1ZQ==", "&flag true"};
    private static final String[] INTEGERS = {"0", "00", "0x0", "0X0", "0o0", "0O0", "0_0", "0b0", "0B0", "0.0", "0.",
        "0e0", "0E0", "+0", "-0", "-0.0", ".0", "0x_0", "007", "010", "08", "09.5", "1e3", "1E3", "1.0e+2", ".5e1",
        "1_000", "1__0", "-0x1", "-0b1", "0.5", "+.5", "1e21", "1e-400", "1e999", ".inf", "-.inf", ".nan",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "0x8000000000000000", "2147483647", "2147483648", "\"0\"", "'0'", "!!int \"0x0\"", "!!int \"0\"",
        "!!float \"0\"", "!!float 1", "!!int '0b0'", "!!int 1.0", "!!int \"08\"", "!!str 0", "!!binary MA==",
        "0:0", "1:00", "190:20:30", "_0", "0x", "0o8", "0b2", "\uff10", "0x1p-2", "2001-12-14", "!!timestamp 0",
        "|-\n          0", ">\n          0", "\"\\x30\"", "~", "[0]", "true"};
    private static final Map<String, Kubectl.Decoded> DECODED = new ConcurrentHashMap<>();
    /** The fields compared: typed decoding drops every other key (an unknown field is not part of the object). */
    private static final java.util.Set<String> FIELDS = java.util.Set.of("privileged", "allowPrivilegeEscalation",
            "runAsUser", "runAsGroup", "runAsNonRoot", "readOnlyRootFilesystem", "capabilities", "add", "drop",
            "containerPort", "hostPort", "name", "value");

    static Stream<Arguments> cases() {
        Map<String, String> cases = new LinkedHashMap<>();
        for (String b : BOOLEANS) {
            cases.put("privileged: " + b, pod("", "securityContext:\n        privileged: " + b));
        }
        for (String b : List.of("yes", "on", "Y", "\"true\"", "!!bool 'on'", "!!str true", "~", "1")) {
            cases.put("hostNetwork: " + b, pod("hostNetwork: " + b, ""));
        }
        for (String n : INTEGERS) {
            cases.put("runAsUser: " + n, pod("", "securityContext:\n        runAsUser: " + n));
        }
        for (String n : List.of("0", "0x16", "0.0", "1e3", "\"22\"", "2147483647", "2147483648", "-1", "22.5")) {
            cases.put("hostPort: " + n, pod("", "ports:\n        - containerPort: 80\n          hostPort: " + n));
        }
        cases.put("merge after explicit key", pod("", "securityContext:\n        privileged: false\n"
                + "        <<: {privileged: true}"));
        cases.put("merge before explicit key", pod("", "securityContext:\n        <<: {privileged: true}\n"
                + "        privileged: false"));
        cases.put("merge list, earlier wins", pod("", "securityContext:\n        <<: [{privileged: true}, "
                + "{privileged: false, runAsUser: 0}]"));
        cases.put("merge through an alias", "base: &b {privileged: true}\n" + pod("", "securityContext:\n"
                + "        runAsUser: 5\n        <<: *b"));
        cases.put("quoted merge key", "base: &b {privileged: true}\n" + pod("", "securityContext:\n"
                + "        \"<<\": *b"));
        cases.put("merge of a scalar", pod("", "securityContext:\n        <<: privileged"));
        cases.put("alias of a whole securityContext", "x: &sc {privileged: yes, runAsUser: 0x0}\n"
                + pod("", "securityContext: *sc"));
        cases.put("securityContext as a string", pod("", "securityContext: privileged"));
        cases.put("securityContext as a tagged map", pod("", "securityContext: !!map {privileged: true}"));
        cases.put("securityContext as a set", pod("", "securityContext: !!set {privileged}"));
        cases.put("key y becomes true", pod("", "securityContext:\n        y: 1\n        privileged: on"));
        cases.put("empty folded scalar, blank lines with spaces", pod("", "env:\n        - name: A\n"
                + "          value: >\n               \n               \n        - name: B\n          value: b"));
        cases.put("empty literal scalar, keep", pod("", "env:\n        - name: A\n          value: |+\n\n"
                + "        - name: B\n          value: b"));
        cases.put("folded scalar with more-indented lines", pod("", "env:\n        - name: A\n"
                + "          value: >\n            a\n              b\n            c\n"));
        cases.put("literal scalar with explicit indentation", pod("", "env:\n        - name: A\n"
                + "          value: |2\n              x\n            y\n"));
        cases.put("blank lines then a deeper line", pod("", "env:\n        - name: A\n          value: >\n"
                + "                    \n\n              b: c\n        - name: B"));
        cases.put("double-quoted escapes",
                pod("", "env:\n        - name: A\n          value: \"\\x41\\u0042\\t\\N\\_\""));
        cases.put("single-quoted folding", pod("", "env:\n        - name: A\n          value: 'a\n\n          b  c'"));
        cases.put("plain multi-line scalar", pod("", "env:\n        - name: A\n          value: a\n            b"));
        cases.put("flow style with JSON", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": "
                + "\"p\"}, \"spec\": {\"containers\": [{\"name\": \"c\", \"image\": \"nginx\", \"securityContext\": "
                + "{\"privileged\": true, \"runAsUser\": 0}}]}}\n");
        cases.put("CRLF line endings", pod("", "securityContext:\n        privileged: on").replace("\n", "\r\n"));
        cases.put("annotation written as a number", pod("", "").replace("  name: differential\n",
                "  name: differential\n  annotations:\n    prometheus.io/port: 8080\n"));
        cases.put("label written as a quoted number", pod("", "").replace("  name: differential\n",
                "  name: differential\n  labels: {version: \"1.0\", on: x}\n"));
        cases.put("duplicate key", pod("", "securityContext:\n        privileged: false\n        privileged: true"));
        return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static String pod(final String podField, final String containerField) {
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: differential\nspec:\n"
                + (podField.isEmpty() ? "" : "  " + podField + "\n")
                + "  containers:\n    - name: app\n      image: nginx\n"
                + (containerField.isEmpty() ? "" : "      " + containerField + "\n");
    }

    /** Asks kubectl about every case at once, four at a time (each call is a process start). */
    @BeforeAll
    static void decodeWithKubectl() throws Exception {
        Assumptions.assumeTrue(Kubectl.find().isPresent(),
                "kubectl is not installed or does not run: the differential test against Kubernetes' reader is "
                        + "skipped");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            cases().forEach(a -> futures.add(pool.submit(() -> DECODED.put((String) a.get()[0],
                    Kubectl.find().orElseThrow().decode((String) a.get()[1])))));
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void shouldReadWhatKubectlReads(final String name, final String manifest) throws Exception {
        Kubectl.Decoded kubectl = DECODED.get(name);
        List<Diagnostic> problems = new ArrayList<>();
        List<K8sObject> objects = new ManifestLoader().parse("differential.yaml", manifest, problems::add);
        if (objects.size() == 1) {
            problems.addAll(new KubeModel(objects).diagnostics());
        }
        List<Diagnostic> errors = problems.stream().filter(Diagnostic::isError).toList();

        if (kubectl.refused()) {
            assertThat(errors).as("kubectl refuses it (%s), so the gate must report an input error", kubectl.error())
                    .isNotEmpty();
            return;
        }
        boolean duplicate = problems.stream().anyMatch(d -> "yaml-duplicate-key".equals(d.code()));
        if (duplicate) {
            return; // a repeated key is an error for the gate, stricter than kubectl's last-one-wins
        }
        assertThat(errors).as("kubectl reads it").isEmpty();
        assertThat(objects).hasSize(1);
        JsonNode theirs = kubectl.object().orElseThrow();
        YamlNode ours = objects.get(0).root();
        assertThat(canonical(ours.path("spec", "hostNetwork").toJava(), false))
                .isEqualTo(canonical(JSON.treeToValue(theirs.path("spec").get("hostNetwork"), Object.class),
                        false));
        YamlNode container = ours.path("spec", "containers").at(0);
        JsonNode theirContainer = theirs.path("spec").path("containers").path(0);
        for (String field : List.of("securityContext", "ports", "env")) {
            assertThat(canonical(container.get(field).toJava(), null)).as(field)
                    .isEqualTo(canonical(JSON.treeToValue(theirContainer.get(field), Object.class), null));
        }
    }

    /**
     * JSON text of a value with the typed decoding's omissions: nulls, empty strings, zero host ports and the
     * {@code absent} value of a non-pointer field are left out, as kubectl's typed objects leave them out.
     */
    private static String canonical(final Object value, final Object absent) throws Exception {
        return JSON.writeValueAsString(prune(value, absent));
    }

    @SuppressWarnings("unchecked") // a decoded JSON tree holds only maps, lists and scalars
    private static Object prune(final Object value, final Object absent) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.TreeMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> {
                Object p = prune(v, null);
                boolean zeroPort = "hostPort".equals(k) && p instanceof Number n && n.longValue() == 0;
                if (p != null && !"".equals(p) && !zeroPort && FIELDS.contains(k)) {
                    out.put(k, p);
                }
            });
            return out.isEmpty() ? null : out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(prune(v, null)));
            return out.isEmpty() ? null : out;
        }
        if (value instanceof Number n) {
            return n.longValue() == n.doubleValue() ? (Object) n.longValue() : (Object) n.doubleValue();
        }
        return value == null || value.equals(absent) ? null : value;
    }
}
