package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merge keys, block scalars and long values read as Kubernetes reads them (issue #16, items 1, 7 and 16). */
class YamlParserTest {
    private final List<Diagnostic> problems = new ArrayList<>();

    private YamlNode parse(final String yaml) {
        return new YamlParser(LoaderLimits.DEFAULT).parse("t.yaml", yaml, problems::add).get(0).root()
                .orElseThrow();
    }

    @Test
    void shouldLetAMergeKeyReplaceTheKeysWrittenBeforeItAsKubernetesDoes() {
        YamlNode sc = parse("sc:\n  privileged: false\n  <<: {privileged: true, runAsUser: 0}\n").get("sc");

        assertThat(problems).isEmpty();
        assertThat(sc.get("privileged").isTrue()).isTrue();
        assertThat(sc.get("privileged").location().line()).isEqualTo(3);
        assertThat(sc.get("runAsUser").number()).hasValue(0);
    }

    @Test
    void shouldLetKeysAfterAMergeKeyReplaceTheMergedOnesWithoutCallingThemDuplicates() {
        YamlNode sc = parse("base: &b {privileged: true, x: 1}\nsc:\n  <<: *b\n  privileged: false\n").get("sc");

        assertThat(problems).isEmpty();
        assertThat(sc.get("privileged").bool()).contains(false);
        assertThat(sc.get("x").number()).hasValue(1);
        assertThat(sc.entries().keySet()).containsExactly("privileged", "x");
    }

    @Test
    void shouldLetTheEarlierMappingOfAMergeListWin() {
        YamlNode sc = parse("sc:\n  <<: [{p: first}, {p: second, q: q2}]\n").get("sc");

        assertThat(sc.get("p").text("")).isEqualTo("first");
        assertThat(sc.get("q").text("")).isEqualTo("q2");
    }

    @Test
    void shouldTreatOnlyAPlainOrMergeTaggedKeyAsAMergeKey() {
        YamlNode root = parse("a: &a {p: 1}\nquoted:\n  \"<<\": *a\ntagged:\n  !!merge <<: *a\n");

        assertThat(root.get("quoted").entries().keySet()).containsExactly("<<");
        assertThat(root.get("tagged").get("p").number()).hasValue(1);
    }

    @Test
    void shouldRefuseAMergeOfSomethingOtherThanMappings() {
        new YamlParser(LoaderLimits.DEFAULT).parse("t.yaml", "sc:\n  <<: [a, b]\n", problems::add);

        assertThat(problems).extracting(Diagnostic::code).containsExactly("yaml-merge");
        assertThat(problems.get(0).location().line()).isEqualTo(2);
    }

    @Test
    void shouldReadAnEmptyFoldedScalarFollowedByBlankLinesHoldingSpaces() {
        List<K8sObject> objects = new ManifestLoader().parse("empty-folded-scalar.yaml",
                Fixtures.read("issue16/empty-folded-scalar.yaml"), problems::add);

        assertThat(problems).isEmpty();
        YamlNode env = objects.get(0).root().path("spec", "template", "spec", "containers").at(0).get("env");
        assertThat(env.at(0).get("value").text()).contains("");
        assertThat(env.at(1).get("value").text()).contains("--httpPort=8080");
        assertThat(env.at(1).location().line()).isEqualTo(21);
        assertThat(new KubeModel(objects).workloads().get(0).containers().get(0).securityContext().get("privileged")
                .isTrue()).isTrue();
    }

    @Test
    void shouldKeepTheSpacesOfBlankLinesThatBelongToABlockScalar() {
        YamlNode root = parse("a: |\n  one\n    \n  two\nb: >\n\n  text\n");

        assertThat(problems).isEmpty();
        assertThat(root.get("a").text("")).isEqualTo("one\n  \ntwo\n");
        assertThat(root.get("b").text("")).isEqualTo("\ntext\n");
    }

    @Test
    void shouldStillRefuseBlankLinesFollowedByADeeperLineAsKubernetesDoes() {
        new YamlParser(LoaderLimits.DEFAULT).parse("t.yaml", "a: >\n          \n\n    b: c\nd: e\n", problems::add);

        assertThat(problems).extracting(Diagnostic::code).containsExactly("yaml-syntax");
    }

    @Test
    void shouldRepairAHundredEmptyBlockScalarsInADocumentAndRefuseMore() {
        assertThat(envWithEmptyValues(100)).isEmpty();
        assertThat(envWithEmptyValues(101)).extracting(Diagnostic::code).containsExactly("yaml-syntax");
    }

    private static List<Diagnostic> envWithEmptyValues(final int count) {
        StringBuilder yaml = new StringBuilder("env:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("- name: V").append(i).append("\n  value: >\n");
        }
        List<Diagnostic> found = new ArrayList<>();
        List<YamlDocument> docs = new YamlParser(LoaderLimits.DEFAULT).parse("many.yaml", yaml + "- name: last\n",
                found::add);
        if (found.isEmpty()) {
            assertThat(docs.get(0).root().orElseThrow().get("env").elements()).hasSize(count + 1)
                    .allSatisfy(e -> assertThat(e.get("value").text("")).isEmpty());
        }
        return found;
    }

    @Test
    void shouldFindTheEmptyFoldedScalarAlsoInAStreamWithABrokenDocument() {
        String stream = Fixtures.read("issue16/empty-folded-scalar.yaml") + "---\nkind: [broken\n";

        List<YamlDocument> docs = new YamlParser(LoaderLimits.DEFAULT).parse("s.yaml", stream, problems::add);

        assertThat(docs).hasSize(1);
        assertThat(problems).extracting(d -> d.location().line()).containsExactly(27);
    }

    @Test
    void shouldReadAValueOfSeveralMegabytesWhole() {
        String blob = "QUJD".repeat(1_000_000);

        YamlNode root = parse("apiVersion: v1\nkind: ConfigMap\ndata:\n  blob: " + blob + "\n  next: x\n");

        assertThat(root.path("data", "blob").text("")).hasSize(blob.length()).isEqualTo(blob);
        assertThat(root.path("data", "next").location().line()).isEqualTo(5);
    }
}
