package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlNodeTest {
    private static YamlNode parse(final String yaml) {
        return new YamlParser(LoaderLimits.DEFAULT).parse("t.yaml", yaml, d -> {
            throw new AssertionError(d.toString());
        }).get(0).root().orElseThrow();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"true, true", "True, true", "yes, true", "on, true", "false, false", "no, false", "off, false"})
    void shouldReadPlainBooleansTheWayKubernetesDoes(final String text, final boolean expected) {
        assertThat(parse("v: " + text).get("v").bool()).contains(expected);
    }

    @Test
    void shouldNotTreatQuotedBooleansOrNumbersAsBooleans() {
        YamlNode root = parse("a: \"true\"\nb: 1\nc: !!str yes");
        assertThat(root.get("a").bool()).isEmpty();
        assertThat(root.get("b").bool()).isEmpty();
        assertThat(root.get("c").bool()).isEmpty();
    }

    @Test
    void shouldReadNumbersAndNulls() {
        YamlNode root = parse("a: 0\nb: \"1000\"\nc: ~\nd:\ne: null\nf: 1.5");
        assertThat(root.get("a").number()).hasValue(0);
        assertThat(root.get("b").number()).as("a quoted number is a string, which an integer field refuses")
                .isEmpty();
        assertThat(root.get("c").isUnset()).isTrue();
        assertThat(root.get("d").isUnset()).isTrue();
        assertThat(root.get("e").type()).isEqualTo(YamlNode.Type.NULL);
        assertThat(root.get("f").number()).isEmpty();
        assertThat(root.get("b").toJava()).isEqualTo("1000");
        assertThat(root.get("f").toJava()).isEqualTo(1.5);
    }

    @Test
    void shouldPointMissingFieldsAtTheNearestParentWithTheirFullPath() {
        YamlNode root = parse("spec:\n  containers:\n    - name: a\n      image: x\n");
        YamlNode missing = root.path("spec", "containers").at(0).path("securityContext", "runAsNonRoot");
        assertThat(missing.isMissing()).isTrue();
        assertThat(missing.fieldPath()).isEqualTo("spec.containers[0].securityContext.runAsNonRoot");
        assertThat(missing.location().line()).isEqualTo(3);
    }

    @Test
    void shouldQuoteKeysWithDotsInPaths() {
        YamlNode root = parse("metadata:\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: u\n");
        assertThat(root.path("metadata", "annotations").get("container.apparmor.security.beta.kubernetes.io/app")
                .fieldPath()).isEqualTo("metadata.annotations[\"container.apparmor.security.beta.kubernetes.io/app\"]");
    }

    @Test
    void shouldConvertToPlainJava() {
        YamlNode root = parse("a: [1, x, true, ~]\nb: {c: \"2\"}");
        assertThat(root.toJava()).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, "x", true, null),
                "b", Map.of("c", "2")));
        assertThat(root.get("a").elements()).hasSize(4);
        assertThat(root.children()).hasSize(2);
        assertThat(List.of(root.get("a").size(), root.get("b").size(), root.get("zz").size()))
                .containsExactly(4, 1, 0);
    }

    @Test
    @SuppressWarnings("CollectionIncompatibleType") // a Map answers keys of any type: so must this one
    void shouldOfferTheEntriesOfAMappingInDocumentOrderAsAReadOnlyMap() {
        YamlNode root = parse("zeta: 1\nalpha: 2\nmid: {x: 3}\n");
        Map<String, YamlNode> entries = root.entries();

        assertThat(entries.keySet()).containsExactly("zeta", "alpha", "mid");
        assertThat(entries).hasSize(3).containsKey("alpha").doesNotContainKey("beta");
        assertThat(entries.containsKey(42)).isFalse();
        assertThat(entries.get("mid")).isSameAs(root.get("mid"));
        assertThat(entries.get("nothing")).isNull();
        assertThat(entries.get(7)).isNull();
        List<String> visited = new java.util.ArrayList<>();
        entries.forEach((k, v) -> visited.add(k + "=" + v.text("map")));
        assertThat(visited).containsExactly("zeta=1", "alpha=2", "mid=map");
        var iterator = entries.entrySet().iterator();
        for (int i = 0; i < 3; i++) {
            iterator.next();
        }
        assertThat(iterator.hasNext()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(iterator::next)
                .isInstanceOf(java.util.NoSuchElementException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> entries.put("new", root))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(root.get("zeta").entries()).isEmpty();
    }

    @Test
    void shouldFindEveryKeyOfALargeMappingAndKeepTheLastOfARepeatedOne() {
        StringBuilder yaml = new StringBuilder("labels:\n");
        for (int i = 0; i < 40; i++) {
            yaml.append("  key-").append(i).append(": v").append(i).append('\n');
        }
        YamlNode labels = parse(yaml.toString()).get("labels");
        for (int i = 0; i < 40; i++) {
            assertThat(labels.get("key-" + i).text("")).isEqualTo("v" + i);
            assertThat(labels.get(new String(("key-" + i).toCharArray())).text("")).isEqualTo("v" + i);
        }
        assertThat(labels.get("key-40").isMissing()).isTrue();
        assertThat(labels.size()).isEqualTo(40);

        List<io.k8sgate.core.model.Diagnostic> problems = new java.util.ArrayList<>();
        YamlNode repeated = new YamlParser(LoaderLimits.DEFAULT).parse("r.yaml", "a: 1\nb: 2\na: 3\n",
                problems::add).get(0).root().orElseThrow();
        assertThat(problems).extracting(io.k8sgate.core.model.Diagnostic::code).containsExactly("yaml-duplicate-key");
        assertThat(repeated.entries().keySet()).containsExactly("a", "b");
        assertThat(repeated.get("a").text("")).isEqualTo("3");
    }

    @Test
    void shouldShareKeyNamesWithTheConstantsChecksUse() {
        YamlNode root = parse("spec:\n  containers: []\n");
        String key = root.entries().keySet().iterator().next();
        assertThat(key).isSameAs("spec");
        assertThat(KeyNames.shared(new String("containers".toCharArray()))).isSameAs("containers");
        String long65 = "k".repeat(KeyNames.MAX_LENGTH + 1);
        String copy = new String(long65.toCharArray());
        assertThat(KeyNames.shared(copy)).isSameAs(copy);
    }
}
