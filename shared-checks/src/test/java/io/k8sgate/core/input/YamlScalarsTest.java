package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How values are read, spelling by spelling. The expected values are what {@code kubectl} decodes for each spelling
 * (issue #16, items 1 and 2); {@code KubectlDifferentialTest} compares with kubectl itself where it is installed.
 */
class YamlScalarsTest {
    /** The value of {@code v} as {@code type value}, or {@code error} when the reader refuses the document. */
    private static String read(final String spelling) {
        List<Diagnostic> problems = new ArrayList<>();
        List<YamlDocument> docs = new YamlParser(LoaderLimits.DEFAULT).parse("t.yaml", "v: " + spelling + "\n",
                problems::add);
        if (!problems.isEmpty()) {
            return "error";
        }
        YamlNode v = docs.get(0).root().orElseThrow().get("v");
        switch (v.jsonType()) {
            case BOOLEAN:
                return "boolean " + v.bool().orElseThrow();
            case NUMBER:
                return v.number().isPresent() ? "int " + v.number().getAsLong() : "number " + v.toJava();
            case STRING:
                return "string " + v.text("");
            default:
                return v.jsonType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // issue #16 item 1: explicit tags change the type
        "!!bool \"true\"    | boolean true",
        "!!bool 'on'        | boolean true",
        "!!bool yes         | boolean true",
        "!!bool \"TRUE\"    | boolean true",
        "!!bool \"1\"       | error",
        "!!str true         | string true",
        "!!null x           | error",
        "!!null \"\"        | null",
        "!!null \"~\"       | null",
        "!!str ~            | string ~",
        "!!int \"0x0\"      | int 0",
        "!!int '0b0'        | int 0",
        "!!int \"1_000\"    | int 1000",
        "!!int 1.0          | error",
        "!!int \"08\"       | error",
        "!!int 2001-12-14   | error",
        "!!float \"0\"      | int 0",
        "!!float 1          | int 1",
        "!!float \"0x10\"   | int 16",
        "!!float .5         | number 0.5",
        "!!timestamp \"x\"  | error",
        "!!timestamp 2001-12-14 | string 2001-12-14",
        "!!binary aGVsbG8=  | string hello",
        "!!binary \"!!!\"   | error",
        "! 12               | string 12",
        "!foo 1             | string 1",
        "!!map x            | string x",
        // YAML 1.1 booleans in the spellings Kubernetes' reader knows, and the ones it does not
        "yes                | boolean true",
        "Yes                | boolean true",
        "y                  | boolean true",
        "Y                  | boolean true",
        "on                 | boolean true",
        "ON                 | boolean true",
        "True               | boolean true",
        "tRUE               | string tRUE",
        "yEs                | string yEs",
        "n                  | boolean false",
        "Off                | boolean false",
        "\"true\"           | string true",
        "'yes'              | string yes",
        // issue #16 item 2: integer spellings
        "0x0                | int 0",
        "0o0                | int 0",
        "0_0                | int 0",
        "0b0                | int 0",
        "0.0                | int 0",
        "0e0                | int 0",
        "+0                 | int 0",
        "-0                 | int 0",
        "0.                 | int 0",
        "-0.0               | int 0",
        "0x_0               | int 0",
        "007                | int 7",
        "010                | int 8",
        "08                 | int 8",
        "1e3                | int 1000",
        "1.0e+2             | int 100",
        ".5e1               | int 5",
        "1_000              | int 1000",
        "1__0               | int 10",
        "-0x1               | int -1",
        "-0b1               | int -1",
        "9223372036854775807  | int 9223372036854775807",
        "9223372036854775808  | number 9223372036854775808",
        "0.5                | number 0.5",
        "+.5                | number 0.5",
        "1e21               | number 1.0E21",
        ".inf               | error",
        "-.Inf              | error",
        ".NaN               | error",
        ".iNf               | string .iNf",
        "1e999              | string 1e999",
        "\"0\"              | string 0",
        "_0                 | string _0",
        "0x                 | string 0x",
        "0o8                | string 0o8",
        "0b2                | string 0b2",
        "0:0                | string 0:0",
        "190:20:30          | string 190:20:30",
        "2001-12-14         | string 2001-12-14",
        "０                 | string ０",
        "0x1p-2             | string 0x1p-2",
        // nulls
        "~                  | null",
        "null               | null",
        "Null               | null",
        "NULL               | null",
        "nULL               | string nULL",
    })
    void shouldReadEachSpellingAsKubernetesDoes(final String spelling, final String expected) {
        assertThat(read(spelling)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}: -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "0x10    | 16",
        "yes     | true",
        "y       | true",
        "Off     | false",
        "1.5     | 1.5",
        "1e3     | 1000",
        "1e6     | 1e+06",
        "0.1     | 0.1",
        "-0.0    | -0",
        ".inf    | .inf",
        "1e21    | 1e+21",
        "0.00001 | 1e-05",
        "123456789.0 | 1.2345679e+08",
        "!!str 0x11 | 0x11",
        "\"0x12\"   | 0x12",
        "0o17    | 15",
        "1_0     | 10",
    })
    void shouldTurnKeysIntoTheStringsKubernetesUses(final String key, final String expected) {
        List<Diagnostic> problems = new ArrayList<>();
        YamlNode root = new YamlParser(LoaderLimits.DEFAULT).parse("k.yaml", key + ": v\n", problems::add).get(0)
                .root().orElseThrow();
        assertThat(problems).isEmpty();
        assertThat(root.entries().keySet()).containsExactly(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"~: v", "18446744073709551615: v", "? [a]\n: v"})
    void shouldRefuseKeysKubernetesRefuses(final String yaml) {
        List<Diagnostic> problems = new ArrayList<>();
        new YamlParser(LoaderLimits.DEFAULT).parse("k.yaml", yaml.replace("\\n", "\n") + "\n", problems::add);
        assertThat(problems).extracting(Diagnostic::code).containsExactly("yaml-key");
    }
}
