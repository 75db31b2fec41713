package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Location;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Positions inside a scalar mapped to the file, for every way YAML writes a one-line or block scalar. */
class ScalarPositionsTest {
    private static final String TEXT = String.join("\n",
            "a:",
            "  plain: object.spec.x",
            "  double: \"object.spec.x\"",
            "  single: 'object.spec.x'",
            "  literal: |",
            "    first line",
            "    second line",
            "  folded: >-",
            "    first part",
            "    second part",
            "  open: \"starts here",
            "    ends here\"",
            "  empty:",
            "");

    @ParameterizedTest(name = "[{index}] line {0} column {1}, {2}:{3} -> {4}:{5}")
    @CsvSource({
        "2, 3, 1, 1, 2, 10",
        "2, 3, 1, 8, 2, 17",
        "3, 3, 1, 1, 3, 12",
        "4, 3, 1, 5, 4, 16",
        "5, 3, 1, 1, 6, 5",
        "5, 3, 2, 3, 7, 7",
        "8, 3, 1, 1, 9, 5",
        "8, 3, 1, 14, 10, 7",
        "8, 3, 1, 18, 10, 11",
        "11, 3, 1, 1, 11, 3",
        "13, 3, 1, 1, 13, 3",
        "2, 3, 2, 1, 2, 3",
        "99, 1, 1, 1, 99, 1",
    })
    void shouldPlaceAPositionOfTheValueInTheFile(final int keyLine, final int keyColumn, final int line,
            final int column, final int fileLine, final int fileColumn) {
        Location at = ScalarPositions.locate(TEXT, new Location("f.yaml", keyLine, keyColumn), line, column);

        assertThat(at).isEqualTo(new Location("f.yaml", fileLine, fileColumn));
    }
}
