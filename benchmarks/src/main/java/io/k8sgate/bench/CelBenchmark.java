package io.k8sgate.bench;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyLoader;
import io.k8sgate.core.report.JsonReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What custom checks in CEL cost: the whole gate with ten custom checks of the kinds teams write (registries, tags,
 * labels, quantities, namespaces, formats, RBAC) against the same gate with the built-in checks only, on the scale
 * benchmark's generated input. Prints both times, their ratio (target: under 1.3) and the CEL time per object.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.k8sgate.bench.CelBenchmark [sizes...]} (default
 * 10000 50000).
 */
public final class CelBenchmark {
    // CHECKSTYLE.OFF: LineLength - a policy file as users write it: one expression a line
    /** Ten custom checks as a team writes them; each object is judged by the few whose match selects it. */
    static final String POLICY = """
            customChecks:
              - id: BENCH-001
                title: Images come from the company registry
                severity: HIGH
                match: {kinds: [Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod]}
                expression: "allContainers(object).all(c, c.image.startsWith('registry.example.com/'))"
                remediation: Push the image to registry.example.com
              - id: BENCH-002
                title: Images are not tagged latest
                severity: MEDIUM
                match: {kinds: [Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod]}
                expression: "!allContainers(object).exists(c, c.image.endsWith(':latest') || !c.image.contains(':'))"
                messageExpression: "'images tagged latest: ' + allContainers(object).filter(c, c.image.endsWith(':latest')).map(c, c.name).join(', ')"
                remediation: Pin a version
              - id: BENCH-003
                title: Namespaces name their team
                severity: LOW
                match: {kinds: [Namespace]}
                expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
                remediation: Add the team label
              - id: BENCH-004
                title: Memory limits stay under 2Gi
                severity: MEDIUM
                match: {kinds: [Deployment, StatefulSet, DaemonSet, Job, CronJob]}
                expression: >-
                  allContainers(object).all(c, !has(c.resources) || !has(c.resources.limits)
                  || !has(c.resources.limits.memory) || quantity(c.resources.limits.memory).isLessThan(quantity('2Gi')))
                remediation: Lower the limit
              - id: BENCH-005
                title: Services stay inside the cluster
                severity: MEDIUM
                match: {kinds: [Service]}
                expression: "object.spec.?type.orValue('ClusterIP') == 'ClusterIP' || has(object.metadata.annotations)"
                messageExpression: "'a ' + object.spec.type + ' service needs an approval annotation'"
                remediation: Use ClusterIP or an ingress
              - id: BENCH-006
                title: Service accounts do not mount their token
                severity: LOW
                match: {kinds: [ServiceAccount]}
                expression: "object.?automountServiceAccountToken.orValue(true) == false"
                remediation: Set automountServiceAccountToken to false
              - id: BENCH-007
                title: Pods run as non-root
                severity: HIGH
                match: {apiGroups: [apps, batch]}
                expression: "podSpec(object).?securityContext.?runAsNonRoot.orValue(false)"
                remediation: Set runAsNonRoot
              - id: BENCH-008
                title: Restricted namespaces run no privileged containers
                severity: CRITICAL
                match: {apiGroups: [apps, batch]}
                expression: >-
                  namespaceObject == null || !has(namespaceObject.metadata.labels)
                  || namespaceObject.metadata.labels[?'pod-security.kubernetes.io/enforce'].orValue('') != 'restricted'
                  || !allContainers(object).exists(c, c.?securityContext.?privileged.orValue(false))
                remediation: Drop privileged
              - id: BENCH-009
                title: Names are DNS labels
                severity: INFO
                expression: "!format.dns1123Label().validate(object.metadata.name).hasValue()"
                remediation: Rename the object
              - id: BENCH-010
                title: Roles do not read secrets
                severity: HIGH
                match: {kinds: [Role, ClusterRole]}
                expression: "!has(object.rules) || object.rules.all(r, !has(r.resources) || !('secrets' in r.resources))"
                remediation: Read secrets through a dedicated role
            """;
    // CHECKSTYLE.ON: LineLength

    private CelBenchmark() {
    }

    /** Runs the comparison and prints a table. */
    public static void main(final String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(10_000, 50_000));
        }
        Policy builtIn = Policy.DEFAULT.withEnableAll(true);
        Policy withCel = new PolicyLoader(new SecurityGate().checkIds()).parse("bench-policy.yaml", POLICY)
                .withEnableAll(true);
        System.out.printf(Locale.ROOT, "%10s %14s %14s %8s %16s %14s%n", "resources", "built-in ms", "+10 CEL ms",
                "ratio", "CEL us/object", "CEL findings");
        for (int size : sizes) {
            Path dir = Files.createTempDirectory("k8sgate-cel-bench");
            try {
                int written = ManifestGenerator.generate(dir, size, 42);
                int repeats = size <= 10_000 ? 11 : 5;
                Measure.Comparison c = Measure.compare(20, 15_000, 40_000, repeats, () -> gate(dir, builtIn),
                        () -> gate(dir, withCel));
                GateOutcome outcome = gate(dir, withCel);
                long celFindings = outcome.findings().stream().filter(f -> f.checkId().startsWith("BENCH-")).count();
                // the extra time per object as the ratio says it (the ratio is taken per turn, so the machine's
                // drift between turns does not enter it, where a difference of two medians would carry it)
                double perObject = (c.medianRatio() - 1) * c.baseline().medianMillis() * 1000 / written;
                System.out.printf(Locale.ROOT, "%10d %14.1f %14.1f %7.2fx %16.2f %14d%n", written,
                        c.baseline().medianMillis(), c.candidate().medianMillis(), c.medianRatio(), perObject,
                        celFindings);
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** The whole gate under a policy, with its JSON report, as {@link ScaleBenchmark#gate} runs it. */
    static GateOutcome gate(final Path dir, final Policy policy) throws IOException {
        GateOutcome outcome = new SecurityGate().run(GateRequest.of(dir, List.of(".")).withPolicy(policy));
        new JsonReportWriter().write(outcome, OutputStream.nullOutputStream());
        return outcome;
    }
}
