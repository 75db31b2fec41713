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
        assertThat(root.get("b").number()).hasValue(1000);
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
}
