package io.k8sgate.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetValuesTest {
    @Test
    void shouldSplitAssignmentsAndUnescapeValues() {
        SetValues set = SetValues.parse(List.of("a=1,b.c=x\\,y", "d\\.e=f"));

        assertThat(decoded(set)).containsExactly("a=1", "b.c=x,y", "d\\.e=f");
        assertThat(set.listValues()).isEmpty();
    }

    @Test
    void shouldKeepOnlyTheLastOfAssignmentsToTheSameOrAnEnclosingKey() {
        SetValues set = SetValues.parse(List.of("a.b=1", "c=2", "a=3", "c=4", "a.d=5"));

        assertThat(decoded(set)).containsExactly("c=4", "a.d=5");
    }

    @Test
    void shouldKeepSiblingListIndexes() {
        assertThat(decoded(SetValues.parse(List.of("args[0]=x,args[1]=y")))).containsExactly("args[0]=x", "args[1]=y");
    }

    @Test
    void shouldWriteListLiteralsAsAValuesDocumentWithHelmsTypes() {
        SetValues set = SetValues.parse(List.of("extraArgs={--verbose,--port=8080}",
                "ports[1].numbers={80,true,null,007}", "plain=z"));

        assertThat(set.listValues()).contains("{\"extraArgs\":[\"--verbose\",\"--port=8080\"],"
                + "\"ports\":[null,{\"numbers\":[80,true,null,\"007\"]}]}");
        assertThat(decoded(set)).containsExactly("plain=z");
    }

    @Test
    void shouldLetALaterScalarReplaceAnEarlierList() {
        SetValues set = SetValues.parse(List.of("args={a,b}", "args=none"));

        assertThat(set.listValues()).isEmpty();
        assertThat(decoded(set)).containsExactly("args=none");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "novalue            | \"novalue\" has no value",
            "a=1,b              | \"b\" has no value",
            "list={a,b          | is not closed",
            "list={a}x          | unexpected 'x'",
            "a[x]=1             | not a number",
            "a[70000]=1         | out of range"})
    void shouldRefuseWhatHelmRefuses(final String assignment, final String message) {
        assertThatThrownBy(() -> SetValues.parse(List.of(assignment))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).hasMessageContaining("--set");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"true|true", "FALSE|false", "null|", "0|0", "42|42", "042|042",
            "-7|-7", "1.5|1.5", "9223372036854775808|9223372036854775808"})
    void shouldTypeValuesAsHelmDoes(final String value, final String expected) {
        Object typed = SetValues.typed(value);

        assertThat(typed == null ? null : typed.toString()).isEqualTo(expected);
        if ("42".equals(value)) {
            assertThat(typed).isEqualTo(42L);
        }
        if ("042".equals(value) || "1.5".equals(value)) {
            assertThat(typed).isInstanceOf(String.class);
        }
    }

    private static List<String> decoded(final SetValues set) {
        return set.scalarQuery().map(q -> Arrays.stream(q.split("&"))
                .map(pair -> URLDecoder.decode(pair, StandardCharsets.UTF_8)).toList()).orElse(List.of());
    }
}
