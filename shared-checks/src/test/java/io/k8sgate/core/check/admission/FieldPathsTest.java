package io.k8sgate.core.check.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.input.LoaderLimits;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.input.YamlParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldPathsTest {
    private static final YamlNode ROOT = new YamlParser(LoaderLimits.DEFAULT).parse("o.yaml", """
            metadata:
              labels:
                app.kubernetes.io/name: web
            spec:
              replicas: 3
              containers:
                - name: a
                  image: x
            """, d -> { }).get(0).root().orElseThrow();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            spec.replicas                                   | 5 | spec.replicas
            .spec.replicas                                  | 5 | spec.replicas
            spec.containers[0].image                        | 8 | spec.containers[0].image
            metadata.labels['app.kubernetes.io/name']       | 3 | "metadata.labels[""app.kubernetes.io/name""]"
            "metadata.labels[""app.kubernetes.io/name""]"   | 3 | "metadata.labels[""app.kubernetes.io/name""]"
            spec.missing.deeper                             | 4 | spec.missing.deeper
            spec.containers[5]                              | 6 | spec.containers[5]
            spec[abc]                                       | 1 | ""
            spec.containers[0                               | 1 | ""
            spec.containers[99999999999]                    | 1 | ""
            """)
    void shouldResolveTheFieldOfAValidation(final String path, final int line, final String fieldPath) {
        YamlNode node = FieldPaths.resolve(ROOT, path);

        assertThat(node.location().line()).isEqualTo(line);
        assertThat(node == ROOT ? "" : node.fieldPath()).isEqualTo(fieldPath);
    }
}
