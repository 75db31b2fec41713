package io.k8sgate.core.report;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.BaselineComparison;
import io.k8sgate.core.model.BaselineComparison.Change;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.DuplicateObject;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.InputSummary;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.RenderedObject;
import io.k8sgate.core.model.RenderedSource;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.model.SkippedInput;
import io.k8sgate.core.model.Suppression;
import io.k8sgate.core.policy.Decision;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyEvaluator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hand-built outcomes for the report tests: every section of the page (workload findings, vulnerabilities by image,
 * risky RBAC subjects, baseline comparison, suppressions, diagnostics) with a fixed time, so that golden files stay
 * stable while checks are added to the engine.
 */
final class ReportSamples {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static final CheckMetadata PRIVILEGED = CheckMetadata.of("K8S-WL-001", "Privileged container",
            Severity.CRITICAL, Category.WORKLOAD).withText("Privileged containers get full host access.",
            "Remove securityContext.privileged or set it to false.")
            .withReferences("https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline")
            .withEquivalent("trivy", "KSV017").withEquivalent("checkov", "CKV_K8S_16");
    static final CheckMetadata RUN_AS_ROOT = CheckMetadata.of("K8S-WL-010", "Container may run as root",
            Severity.HIGH, Category.WORKLOAD).withText("Processes running as root ease container escapes.",
            "Set securityContext.runAsNonRoot: true and a non-zero runAsUser.")
            .withReferences("https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted");
    static final CheckMetadata NO_LIMITS = CheckMetadata.of("K8S-WL-020", "No memory limit", Severity.MEDIUM,
            Category.WORKLOAD).withText("Without a memory limit one pod can starve a node.",
            "Set resources.limits.memory for every container.");
    static final CheckMetadata LATEST_TAG = CheckMetadata.of("K8S-WL-030", "Image without a fixed tag",
            Severity.LOW, Category.WORKLOAD).withText("Mutable tags deploy different code over time.",
            "Pin the image by digest or by an immutable version tag.");
    static final CheckMetadata NODE_PORT = CheckMetadata.of("K8S-NET-001", "NodePort service", Severity.MEDIUM,
            Category.EXPOSURE).withText("NodePort opens a port on every node.",
            "Use a ClusterIP service behind an ingress, or restrict the source ranges.");
    static final CheckMetadata VULNERABILITY = CheckMetadata.of("K8S-IMG-001", "Vulnerable package in image",
            Severity.HIGH, Category.IMAGE).withText("A package in the image has a known vulnerability.",
            "Upgrade the package to the fixed version and rebuild the image.");
    static final CheckMetadata RBAC_EXEC = CheckMetadata.of("K8S-RBAC-004", "Subject can exec into pods",
            Severity.HIGH, Category.RBAC).withText("pods/exec gives a shell in any pod and its mounted tokens.",
            "Remove create on pods/exec from the role, or bind it only in namespaces that need it.")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/");
    static final CheckMetadata RBAC_ADMIN = CheckMetadata.of("K8S-RBAC-001", "Subject bound to cluster-admin",
            Severity.CRITICAL, Category.RBAC).withText("cluster-admin can do anything in the cluster.",
            "Bind a role with only the permissions the subject needs.");

    private static final ResourceRef WEB = new ResourceRef("Deployment", "shop", "web");
    private static final ResourceRef WORKER = new ResourceRef("StatefulSet", "shop", "worker");
    private static final ResourceRef WEB_SVC = new ResourceRef("Service", "shop", "web");
    private static final ResourceRef CRON = new ResourceRef("CronJob", "ops", "backup");
    private static final String WEB_FILE = "deploy/shop/web.yaml";
    private static final String WORKER_FILE = "deploy/shop/worker.yaml";

    private ReportSamples() {
    }

    /** An outcome with every section filled: FAIL on a CRITICAL finding and one input error. */
    @SuppressWarnings("ReferenceEquality") // every finding but that very one
    static GateOutcome full() {
        List<Finding> findings = new ArrayList<>();
        Finding privileged = Finding.of(PRIVILEGED, WEB, "nginx", new Location(WEB_FILE, 24, 11),
                "spec.template.spec.containers[0].securityContext.privileged", "Container 'nginx' runs privileged");
        findings.add(privileged);
        findings.add(Finding.of(RUN_AS_ROOT, WEB, "nginx", new Location(WEB_FILE, 22, 9),
                "spec.template.spec.containers[0].securityContext",
                "Container 'nginx' does not set runAsNonRoot"));
        findings.add(Finding.of(NO_LIMITS, WEB, "nginx", new Location(WEB_FILE, 18, 9),
                "spec.template.spec.containers[0].resources", "Container 'nginx' has no memory limit"));
        Finding workerRoot = Finding.of(RUN_AS_ROOT, WORKER, "queue", new Location(WORKER_FILE, 31, 9),
                "spec.template.spec.containers[0].securityContext.runAsUser",
                "Container 'queue' runs as user 0");
        findings.add(workerRoot);
        findings.add(Finding.of(LATEST_TAG, WORKER, "queue", new Location(WORKER_FILE, 29, 16),
                "spec.template.spec.containers[0].image", "Image 'redis:latest' uses the mutable tag 'latest'"));
        findings.add(Finding.of(NODE_PORT, WEB_SVC, "", new Location(WEB_FILE, 52, 9), "spec.type",
                "Service 'web' is a NodePort without loadBalancerSourceRanges"));
        findings.add(vulnerability("CVE-2023-44487", Severity.HIGH, "golang.org/x/net", "0.15.0", "0.17.0",
                "HTTP/2 rapid reset can cause excessive work in net/http"));
        findings.add(vulnerability("CVE-2024-45337", Severity.CRITICAL, "golang.org/x/crypto", "0.21.0", "0.31.0",
                "Misuse of ServerConfig.PublicKeyCallback may cause authorization bypass"));
        findings.add(vulnerability("CVE-2024-2511", Severity.LOW, "libssl3", "3.1.4-r5", "",
                "Unbounded memory growth with session handling in TLSv1.3"));
        findings.add(Finding.of(RBAC_EXEC, new ResourceRef("ClusterRole", "", "deployer"), "",
                new Location("rbac/ci.yaml", 14, 5), "rules[2]", "ClusterRole 'deployer' grants create on pods/exec")
                .withProperties(Map.of(FindingProperties.SUBJECT, "ServiceAccount/ci/deployer",
                        FindingProperties.BINDING, "ClusterRoleBinding/ci-deployer",
                        FindingProperties.ROLE, "ClusterRole/deployer",
                        FindingProperties.ESCALATION_PATH, String.join(FindingProperties.PATH_STEP,
                                "ServiceAccount ci/deployer", "ClusterRoleBinding ci-deployer",
                                "ClusterRole deployer: create pods/exec", "shell in any pod",
                                "read the pod's service account token"))));
        findings.add(Finding.of(RBAC_ADMIN, new ResourceRef("ClusterRoleBinding", "", "oncall-admin"), "",
                new Location("rbac/oncall.yaml", 3, 1), "roleRef", "Group 'oncall' is bound to cluster-admin")
                .withProperties(Map.of(FindingProperties.SUBJECT, "Group/oncall",
                        FindingProperties.BINDING, "ClusterRoleBinding/oncall-admin",
                        FindingProperties.ROLE, "ClusterRole/cluster-admin")));
        findings.add(Finding.of(PRIVILEGED, CRON, "snapshot", new Location("deploy/ops/backup.yaml", 20, 15),
                "spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged",
                "Container 'snapshot' runs privileged").withSuppression(new Suppression("exception", "team-storage",
                "Needs device access for LVM snapshots until CSI snapshots land", Optional.of(
                LocalDate.parse("2026-12-31")), new Location("k8s-security.yaml", 12, 5))));
        findings.add(Finding.of(NO_LIMITS, CRON, "snapshot", new Location("deploy/ops/backup.yaml", 18, 11),
                "spec.jobTemplate.spec.template.spec.containers[0].resources",
                "Container 'snapshot' has no memory limit").withSuppression(new Suppression("annotation", "",
                "Batch job sized by the node pool", Optional.empty(), new Location("deploy/ops/backup.yaml", 6, 5))));
        findings.sort(io.k8sgate.core.model.FindingOrder.MOST_SEVERE_FIRST);

        List<Diagnostic> diagnostics = List.of(
                Diagnostic.error("yaml-syntax", new Location("deploy/shop/broken.yaml", 7, 3),
                        "Mapping values are not allowed here"),
                Diagnostic.warning("helm-template", Location.ofFile("charts/shop/templates/ingress.yaml"),
                        "Unrendered Helm template: render it with helm template first"),
                Diagnostic.info("not-kubernetes", Location.ofFile("deploy/shop/values.yaml"),
                        "Not a Kubernetes object (no apiVersion and kind): skipped"));
        Policy policy = Policy.DEFAULT;
        Decision decision = PolicyEvaluator.decide(findings, diagnostics, policy, Set.of());
        List<ResourceRef> resources = List.of(WEB, WEB_SVC, WORKER, CRON,
                new ResourceRef("ClusterRole", "", "deployer"),
                new ResourceRef("ClusterRoleBinding", "", "ci-deployer"),
                new ResourceRef("ClusterRoleBinding", "", "oncall-admin"),
                new ResourceRef("ServiceAccount", "ci", "deployer"));
        GateOutcome outcome = new GateOutcome("0.1.0", NOW, policy, List.of(WEB_FILE, WORKER_FILE,
                "deploy/ops/backup.yaml", "deploy/shop/broken.yaml", "rbac/ci.yaml", "rbac/oncall.yaml",
                "scans/web-trivy.json"), resources, List.of(PRIVILEGED, RUN_AS_ROOT, NO_LIMITS, LATEST_TAG, NODE_PORT,
                VULNERABILITY, RBAC_EXEC, RBAC_ADMIN), findings, diagnostics, decision);
        Set<String> outstanding = findings.stream().filter(f -> f != privileged && !f.checkId().equals("K8S-IMG-001"))
                .map(Finding::fingerprint).collect(Collectors.toSet());
        return outcome.withBaseline(new BaselineComparison("version 7 (2026-11-20T09:12:00Z, revision 4f2a9c1, "
                + "build #118)", outstanding, List.of(
                Finding.of(RUN_AS_ROOT, new ResourceRef("Deployment", "shop", "cart"), "cart",
                        new Location("deploy/shop/cart.yaml", 20, 9),
                        "spec.template.spec.containers[0].securityContext",
                        "Container 'cart' does not set runAsNonRoot"),
                Finding.of(NODE_PORT, new ResourceRef("Service", "shop", "admin"), "",
                        new Location("deploy/shop/admin.yaml", 9, 9), "spec.type", "Service 'admin' is a NodePort")),
                List.of(new Change(Change.Kind.CHANGED, WEB,
                                "spec.template.spec.containers[0].securityContext.privileged", "false", "true"),
                        new Change(Change.Kind.CHANGED, WEB, "spec.template.spec.containers[0].image",
                                "registry.example.com/shop/web:1.4.1", "registry.example.com/shop/web:1.4.2"),
                        new Change(Change.Kind.ADDED, new ResourceRef("ClusterRoleBinding", "", "oncall-admin"), "", "",
                                ""),
                        new Change(Change.Kind.REMOVED, new ResourceRef("Service", "shop", "admin"), "", "", ""))));
    }

    /**
     * An outcome of rendered inputs: a chart with hooks, a kustomization, documents skipped from a walked tree and an
     * object defined twice, with findings placed at template and patch lines.
     */
    static GateOutcome rendered() {
        String chart = "chart shop 1.4.0 (charts/shop), release shop, namespace shop, "
                + "values charts/shop/values-prod.yaml, --set image.tag";
        String helm = "helm template shop charts/shop --namespace shop -f charts/shop/values-prod.yaml "
                + "--set image.tag=...";
        ResourceRef web = new ResourceRef("Deployment", "shop", "shop-web");
        ResourceRef migrate = new ResourceRef("Job", "shop", "shop-migrate");
        ResourceRef role = new ResourceRef("Role", "shop", "shop-migrate");
        ResourceRef worker = new ResourceRef("Deployment", "shop", "worker");
        List<Finding> findings = new ArrayList<>(List.of(
                Finding.of(PRIVILEGED, web, "web", new Location("charts/shop/templates/deployment.yaml", 23, 0),
                        "spec.template.spec.containers[0].securityContext.privileged",
                        "Container 'web' runs privileged")
                        .withProperties(Map.of(FindingProperties.RENDERED, "line 23 of `" + helm
                                + " --show-only templates/deployment.yaml`", FindingProperties.PRODUCED_BY, chart)),
                Finding.of(RUN_AS_ROOT, migrate, "migrate", new Location("charts/shop/templates/hooks/migrate-job.yaml",
                        15, 0), "spec.template.spec.containers[0].securityContext",
                        "Container 'migrate' does not set runAsNonRoot")
                        .withProperties(Map.of(FindingProperties.RENDERED, "line 15 of `" + helm
                                + " --show-only templates/hooks/migrate-job.yaml`", FindingProperties.PRODUCED_BY,
                                chart, FindingProperties.HELM_HOOK, "pre-install,pre-upgrade")),
                Finding.of(NO_LIMITS, worker, "worker", new Location("deploy/base/worker.yaml", 13, 11),
                        "spec.template.spec.containers[0].resources", "Container 'worker' has no memory limit")
                        .withProperties(Map.of(FindingProperties.RENDERED, "line 14 of `kubectl kustomize "
                                + "deploy/overlays/prod`", FindingProperties.PRODUCED_BY,
                                "kustomization deploy/overlays/prod"))));
        findings.sort(io.k8sgate.core.model.FindingOrder.MOST_SEVERE_FIRST);
        InputSummary inputs = new InputSummary(List.of(
                new RenderedSource(RenderedSource.Renderer.HELM, "charts/shop", "shop", "1.4.0", "shop", "shop",
                        List.of("charts/shop/values-prod.yaml"), List.of("image.tag"), helm, List.of(
                        new RenderedObject(web, new Location("charts/shop/templates/deployment.yaml", 1, 0),
                                new Location("charts/shop/templates/deployment.yaml (helm template)", 1, 1), ""),
                        new RenderedObject(migrate, new Location("charts/shop/templates/hooks/migrate-job.yaml", 1, 0),
                                new Location("charts/shop/templates/hooks/migrate-job.yaml (helm template)", 1, 1),
                                "pre-install,pre-upgrade"),
                        new RenderedObject(role, new Location("charts/shop/templates/hooks/migrate-rbac.yaml", 9, 0),
                                new Location("charts/shop/templates/hooks/migrate-rbac.yaml (helm template)", 9, 1),
                                "pre-install,pre-upgrade"))),
                new RenderedSource(RenderedSource.Renderer.KUSTOMIZE, "deploy/overlays/prod", "prod", "", "", "",
                        List.of(), List.of(), "kubectl kustomize deploy/overlays/prod", List.of(new RenderedObject(
                        worker, new Location("deploy/base/worker.yaml", 1, 1),
                        new Location("deploy/overlays/prod (kustomize build)", 1, 1), "")))),
                List.of(new SkippedInput(new Location("cloudbuild.yaml", 1, 1),
                                "Document 1 has no apiVersion and kind: not a Kubernetes object"),
                        new SkippedInput(new Location("web/package.json", 1, 1),
                                "Document 1 has no apiVersion and kind: not a Kubernetes object")),
                List.of(new DuplicateObject(new ResourceRef("Deployment", "shop", "web"), List.of(
                        new Location("deploy/a-web.yaml", 1, 1), new Location("deploy/b-web.yaml", 2, 1)), true)));
        List<Diagnostic> diagnostics = List.of(Diagnostic.warning("duplicate-object", new Location("deploy/b-web.yaml",
                2, 1), "Deployment/shop/web is defined 2 times (deploy/a-web.yaml:1, deploy/b-web.yaml:2): applied "
                + "together, the last definition replaces the others. Each definition is checked on its own"));
        Policy policy = Policy.DEFAULT;
        Decision decision = PolicyEvaluator.decide(findings, diagnostics, policy, Set.of());
        return new GateOutcome("0.1.0", NOW, policy, List.of("charts/shop/Chart.yaml",
                "charts/shop/templates/deployment.yaml", "deploy/base/worker.yaml"),
                List.of(web, migrate, role, worker),
                List.of(PRIVILEGED, RUN_AS_ROOT, NO_LIMITS), findings, diagnostics, decision, Optional.empty(), inputs);
    }

    /** An outcome that passes: nothing found, nothing wrong with the inputs. */
    static GateOutcome clean() {
        Policy policy = Policy.DEFAULT;
        Decision decision = PolicyEvaluator.decide(List.of(), List.of(), policy, Set.of());
        return new GateOutcome("0.1.0", NOW, policy, List.of(WEB_FILE), List.of(WEB), List.of(PRIVILEGED), List.of(),
                List.of(), decision);
    }

    /**
     * An outcome with {@code resources} resources of three findings each and {@code images} images of 20
     * vulnerabilities.
     */
    static GateOutcome large(final int resources, final int images) {
        List<Finding> findings = new ArrayList<>();
        List<ResourceRef> refs = new ArrayList<>();
        for (int i = 0; i < resources; i++) {
            ResourceRef ref = new ResourceRef("Deployment", "team-" + i % 17, "service-" + i);
            refs.add(ref);
            String file = "deploy/team-" + i % 17 + "/service-" + i + ".yaml";
            findings.add(Finding.of(RUN_AS_ROOT, ref, "app", new Location(file, 21, 9),
                    "spec.template.spec.containers[0].securityContext", "Container 'app' does not set runAsNonRoot"));
            findings.add(Finding.of(NO_LIMITS, ref, "app", new Location(file, 17, 9),
                    "spec.template.spec.containers[0].resources", "Container 'app' has no memory limit"));
            if (i % 10 == 0) {
                findings.add(Finding.of(PRIVILEGED, ref, "app", new Location(file, 24, 11),
                        "spec.template.spec.containers[0].securityContext.privileged",
                        "Container 'app' runs privileged"));
            } else {
                findings.add(Finding.of(LATEST_TAG, ref, "app", new Location(file, 19, 16),
                        "spec.template.spec.containers[0].image", "Image 'app:latest' uses the mutable tag 'latest'"));
            }
        }
        for (int i = 0; i < images; i++) {
            for (int v = 0; v < 20; v++) {
                Severity s = Severity.values()[v % 4];
                findings.add(Finding.of(VULNERABILITY, new ResourceRef("Image", "", "registry.example.com/app-" + i
                        + ":1." + v), "", Location.ofFile("scans/app-" + i + ".json"), "Results[0].Vulnerabilities[" + v
                        + "]", "Vulnerability " + v).withSeverity(s).withProperties(Map.of(FindingProperties.IMAGE,
                        "registry.example.com/app-" + i + ":1.0", FindingProperties.VULNERABILITY_ID, "CVE-2025-" + (
                                10_000 + v), FindingProperties.PACKAGE, "lib" + v, FindingProperties.INSTALLED_VERSION,
                        "1." + v, FindingProperties.FIXED_VERSION, v % 3 == 0 ? "" : "2." + v)));
            }
        }
        findings.sort(io.k8sgate.core.model.FindingOrder.MOST_SEVERE_FIRST);
        Policy policy = Policy.DEFAULT;
        Decision decision = PolicyEvaluator.decide(findings, List.of(), policy, Set.of());
        return new GateOutcome("0.1.0", NOW, policy, refs.stream().map(r -> "deploy/" + r.namespace() + "/"
                + r.name() + ".yaml").toList(), refs, List.of(PRIVILEGED, RUN_AS_ROOT, NO_LIMITS, LATEST_TAG,
                VULNERABILITY), findings, List.of(), decision);
    }

    private static Finding vulnerability(final String id, final Severity severity, final String pkg,
            final String installed, final String fixed, final String summary) {
        return Finding.of(VULNERABILITY, new ResourceRef("Image", "", "registry.example.com/shop/web:1.4.2"), "",
                Location.ofFile("scans/web-trivy.json"), "Results[0].Vulnerabilities[" + id + "]", id + ": " + summary)
                .withSeverity(severity)
                .withProperties(Map.of(FindingProperties.IMAGE, "registry.example.com/shop/web:1.4.2",
                        FindingProperties.VULNERABILITY_ID, id, FindingProperties.PACKAGE, pkg,
                        FindingProperties.INSTALLED_VERSION, installed, FindingProperties.FIXED_VERSION, fixed,
                        FindingProperties.WORKLOADS, "Deployment/shop/web, CronJob/ops/backup"));
    }
}
