package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Objects the API server refuses to store are input errors at the line of the field that breaks its validation, never
 * objects the checks judge or pass: a kind spelt with the wrong case, bindings the RBAC API rejects, role rules
 * without verbs, API groups or resources. What the API server accepts after its defaults is no error.
 */
class ApiServerValidationTest {
    private static final String MARKER = "# expect: input-invalid";

    private static List<Diagnostic> problems(final String file) {
        List<K8sObject> objects = new ManifestLoader().parse(file, Fixtures.read(file), d -> {
            throw new AssertionError(d.toString());
        });
        return new KubeModel(objects).diagnostics();
    }

    private static List<Integer> markedLines(final String file) {
        List<Integer> lines = new ArrayList<>();
        String[] text = Fixtures.read(file).split("\n", -1);
        for (int i = 0; i < text.length; i++) {
            if (text[i].contains(MARKER)) {
                lines.add(i + 1);
            }
        }
        return lines;
    }

    @Test
    void shouldReportEachRuleTheApiServerValidatesAtItsLine() {
        String file = "refused-objects/refused.yaml";
        List<Diagnostic> found = problems(file);

        assertThat(found).allSatisfy(d -> {
            assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(d.code()).isEqualTo(ApiServerValidation.INPUT_INVALID);
            assertThat(d.location().file()).isEqualTo(file);
            assertThat(d.message()).contains("the API server refuses the object");
        });
        assertThat(found).extracting(d -> d.location().line()).containsExactlyInAnyOrderElementsOf(markedLines(file));
    }

    @Test
    void shouldNameTheKindAWrongCaseMeantAndTheRuleABindingBreaks() {
        List<String> messages = problems("refused-objects/refused.yaml").stream().map(Diagnostic::message).toList();

        assertThat(messages).contains(
                "kind is 'ClusterRolebinding', which rbac.authorization.k8s.io does not serve: kinds are "
                        + "case-sensitive, and the kind of that name is 'ClusterRoleBinding'; the API server refuses "
                        + "the object, so the gate cannot check what the cluster would run",
                "kind is 'deployment', which apps does not serve: kinds are case-sensitive, and the kind of that "
                        + "name is 'Deployment'; the API server refuses the object, so the gate cannot check what "
                        + "the cluster would run");
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("roleRef.kind is 'Role', but a "
                + "ClusterRoleBinding can refer only to a ClusterRole (a Role belongs to one namespace"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("subjects[0].kind is 'user', but a subject "
                + "is a ServiceAccount, a User or a Group (case-sensitive)"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("subjects[1].apiGroup is "
                + "'rbac.authorization.k8s.io', but a ServiceAccount subject belongs to the core group"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("subjects[0].namespace is required: a "
                + "ClusterRoleBinding has no namespace"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("roleRef is required"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("rules[3].nonResourceURLs is set in a Role"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("rules[0].nonResourceURLs is set with "
                + "apiGroups, resources or resourceNames"));
    }

    @Test
    void shouldAcceptWhatTheApiServerStoresAfterItsDefaults() {
        assertThat(problems("refused-objects/accepted.yaml")).isEmpty();
    }

    /** Every fixture the checks are tested with is an object the API server stores. */
    @Test
    void shouldFindNothingRefusedInTheChecksFixtures() throws IOException {
        List<String> refused = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Fixtures.path("checks"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
                    .sorted().toList()) {
                String name = Fixtures.path("checks").relativize(file).toString();
                List<K8sObject> objects = new ManifestLoader().parse(name, Files.readString(file), d -> { });
                new KubeModel(objects).diagnostics().stream()
                        .filter(d -> ApiServerValidation.INPUT_INVALID.equals(d.code()))
                        .forEach(d -> refused.add(d.location() + " " + d.message()));
            }
        }
        assertThat(refused).isEmpty();
    }
}
