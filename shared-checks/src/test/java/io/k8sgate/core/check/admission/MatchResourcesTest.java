package io.k8sgate.core.check.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.cel.RunObjects;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.LoaderLimits;
import io.k8sgate.core.input.YamlDocument;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.input.YamlParser;
import io.k8sgate.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which requests {@code matchConstraints} and {@code matchResources} select, as the API server decides it. */
class MatchResourcesTest {
    private static final String OBJECTS = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {environment: production}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: lab, labels: {environment: test}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop, labels: {app: web}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: debug}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web, namespace: shop}
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.acme.io}
            spec:
              group: acme.io
              scope: Cluster
              names: {kind: Widget, plural: widgetz}
              versions: [{name: v1, served: true}, {name: v1beta1, served: false}]
            ---
            apiVersion: acme.io/v1
            kind: Widget
            metadata: {name: blue}
            ---
            apiVersion: acme.io/v1
            kind: Gadget
            metadata: {name: red, namespace: lab}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: elsewhere}
            """;

    private static List<K8sObject> objects() {
        List<Diagnostic> problems = new ArrayList<>();
        List<K8sObject> out = new ArrayList<>();
        int n = 1;
        for (YamlDocument d : new YamlParser(LoaderLimits.DEFAULT).parse("t.yaml", OBJECTS, problems::add)) {
            out.add(new K8sObject(d.root().orElseThrow(), "t.yaml", n++));
        }
        assertThat(problems).isEmpty();
        return out;
    }

    private static YamlNode yaml(final String text) {
        return new YamlParser(LoaderLimits.DEFAULT).parse("m.yaml", text, d -> { }).get(0).root().orElseThrow();
    }

    /** Reads a matchResources with the policy reader, refusing what it refuses. */
    private static MatchResources match(final String yaml) {
        List<Diagnostic> problems = new ArrayList<>();
        String policy = "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\n"
                + "metadata: {name: b}\nspec:\n  policyName: p\n  validationActions: [Deny]\n  matchResources: "
                + yaml + "\n";
        Optional<AdmissionBinding> binding = new AdmissionReader(f -> Optional.empty(), problems)
                .binding(new K8sObject(yaml(policy), "m.yaml", 1));
        assertThat(problems).isEmpty();
        return binding.orElseThrow().matchResources().orElseThrow();
    }

    @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
    // CHECKSTYLE.OFF: LineLength - a table of cases: one case a line reads better than wrapped rows
    @CsvSource(delimiter = '|', textBlock = """
            Deployment/web | {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments]}]} | apps/v1/deployments
            Deployment/web | {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [UPDATE], resources: [deployments]}]} | no
            Deployment/web | {resourceRules: [{apiGroups: ['*'], apiVersions: ['*'], operations: ['*'], resources: ['*']}]} | apps/v1/deployments
            Deployment/web | {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: ['*/*']}]} | apps/v1/deployments
            Deployment/web | {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: ['deployments/*']}]} | apps/v1/deployments
            Deployment/web | {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments/scale]}]} | no
            Deployment/web | {resourceRules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [deployments]}]} | no
            Deployment/web | {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments], resourceNames: [web]}]} | apps/v1/deployments
            Deployment/web | {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments], resourceNames: [api]}]} | no
            Deployment/web | {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments], scope: Cluster}]} | no
            Deployment/web | {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments], scope: Namespaced}]} | apps/v1/deployments
            ClusterRole/reader | {resourceRules: [{apiGroups: ['*'], apiVersions: ['*'], operations: [CREATE], resources: ['*'], scope: Namespaced}]} | no
            ClusterRole/reader | {resourceRules: [{apiGroups: ['*'], apiVersions: ['*'], operations: [CREATE], resources: ['*'], scope: Cluster}]} | rbac.authorization.k8s.io/v1/clusterroles
            Namespace/shop | {resourceRules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [namespaces], scope: Namespaced}]} | no
            Namespace/shop | {resourceRules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [namespaces], scope: Cluster}]} | /v1/namespaces
            Pod/debug | {resourceRules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: ['pods/*'], scope: Namespaced}]} | /v1/pods
            Pod/debug | {resourceRules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [pods/status]}]} | no
            HorizontalPodAutoscaler/web | {resourceRules: [{apiGroups: [autoscaling], apiVersions: [v1], operations: [CREATE], resources: [horizontalpodautoscalers]}]} | autoscaling/v1/horizontalpodautoscalers
            HorizontalPodAutoscaler/web | {matchPolicy: Exact, resourceRules: [{apiGroups: [autoscaling], apiVersions: [v1], operations: [CREATE], resources: [horizontalpodautoscalers]}]} | no
            Widget/blue | {resourceRules: [{apiGroups: [acme.io], apiVersions: [v1], operations: [CREATE], resources: [widgetz], scope: Cluster}]} | acme.io/v1/widgetz
            Widget/blue | {resourceRules: [{apiGroups: [acme.io], apiVersions: [v1beta1], operations: [CREATE], resources: [widgetz]}]} | no
            Gadget/red | {resourceRules: [{apiGroups: [acme.io], apiVersions: [v1], operations: [CREATE], resources: [gadgets], scope: Namespaced}]} | acme.io/v1/gadgets
            Deployment/web | {resourceRules: [{apiGroups: ['*'], apiVersions: ['*'], operations: ['*'], resources: ['*']}], excludeResourceRules: [{apiGroups: [apps], apiVersions: ['*'], operations: ['*'], resources: [deployments]}]} | no
            Deployment/web | {objectSelector: {matchLabels: {app: web}}} | apps/v1/deployments
            Deployment/web | {objectSelector: {matchExpressions: [{key: app, operator: NotIn, values: [web]}]}} | no
            Deployment/web | {namespaceSelector: {matchLabels: {environment: production}}} | apps/v1/deployments
            Deployment/web | {namespaceSelector: {matchLabels: {environment: test}}} | no
            Deployment/web | {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}} | apps/v1/deployments
            Namespace/lab | {namespaceSelector: {matchLabels: {environment: test}}} | /v1/namespaces
            ClusterRole/reader | {namespaceSelector: {matchLabels: {environment: test}}} | rbac.authorization.k8s.io/v1/clusterroles
            """)
    // CHECKSTYLE.ON: LineLength
    void shouldMatchLikeTheApiServer(final String object, final String matchResources, final String expected) {
        List<K8sObject> objects = objects();
        RunObjects run = RunObjects.of(objects);
        K8sObject target = objects.stream().filter(o -> (o.kind() + "/" + o.name()).equals(object)).findFirst()
                .orElseThrow();
        List<String> unknown = new ArrayList<>();

        Optional<MatchResources.Matched> matched = match(matchResources).match(Target.of(target, run), run,
                unknown::add);

        assertThat(matched.map(m -> m.group() + "/" + m.version() + "/" + m.resource()).orElse("no"))
                .isEqualTo(expected);
        assertThat(unknown).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Deployment/api | {kubernetes.io/metadata.name: elsewhere} | true  | elsewhere
            Deployment/api | {environment: production}                | false | elsewhere
            Pod/debug      | {kubernetes.io/metadata.name: default}   | true  | default
            """)
    void shouldJudgeANamespaceMissingFromTheInputsByItsNameAndSaySo(final String object, final String labels,
            final boolean expected, final String namespace) {
        List<K8sObject> objects = objects();
        RunObjects run = RunObjects.of(objects);
        K8sObject target = objects.stream().filter(o -> (o.kind() + "/" + o.name()).equals(object)).findFirst()
                .orElseThrow();
        List<String> unknown = new ArrayList<>();

        boolean matched = match("{namespaceSelector: {matchLabels: " + labels + "}}").match(Target.of(target, run),
                run, unknown::add).isPresent();

        assertThat(matched).isEqualTo(expected);
        assertThat(unknown).containsExactly(namespace);
    }
}
