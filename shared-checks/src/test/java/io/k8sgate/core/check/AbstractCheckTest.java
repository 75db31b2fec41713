package io.k8sgate.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every check's test inherits (one subclass per check, named after it).
 *
 * <ul>
 * <li>every file in {@code fixtures/checks/<ID>/violating/} yields exactly the findings marked inline with
 * {@code # expect: <ID>}, on the marked lines (one marker per expected finding);</li>
 * <li>every file in {@code compliant/} yields none;</li>
 * <li>empty input yields none; the check is registered; its metadata is complete.</li>
 * </ul>
 *
 * A missing fixture folder fails the test: a check without fixtures is not tested.
 */
public abstract class AbstractCheckTest {
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*(.*)$");

    /** The check under test. */
    protected abstract Check check();

    /** Settings for the fixture runs; override for checks that depend on the policy. */
    protected CheckSettings settings() {
        return CheckSettings.DEFAULT;
    }

    /** Loads YAML text (no diagnostics allowed) and runs the check over it. */
    protected List<Finding> findings(final String yaml) {
        return findings("test.yaml", yaml, settings());
    }

    /** Loads YAML text under a file name and runs the check with the given settings. */
    protected List<Finding> findings(final String file, final String yaml, final CheckSettings checkSettings) {
        List<Diagnostic> problems = new ArrayList<>();
        List<K8sObject> objects = new ManifestLoader().parse(file, yaml, problems::add);
        assertThat(problems).as("diagnostics while loading %s", file).isEmpty();
        return check().evaluate(CheckContext.of(objects, checkSettings));
    }

    @TestFactory
    Stream<DynamicTest> shouldReportExactlyTheMarkedLinesOfViolatingFixtures() {
        return files("violating").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String text = Files.readString(file);
            List<Integer> expected = expectedLines(text, check().metadata().id());
            assertThat(expected).as("%s marks no expected finding with '# expect: %s'", file,
                    check().metadata().id()).isNotEmpty();
            List<Finding> found = findings(file.getFileName().toString(), text, settings());
            assertThat(found).allSatisfy(f -> assertThat(f.checkId()).isEqualTo(check().metadata().id()));
            assertThat(found.stream().map(f -> f.location().line()).sorted().toList())
                    .as("lines of the findings in %s: %s", file, found).isEqualTo(expected);
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldReportNothingForCompliantFixtures() {
        return files("compliant").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String text = Files.readString(file);
            assertThat(expectedLines(text, check().metadata().id())).as("compliant fixture with a marker")
                    .isEmpty();
            assertThat(findings(file.getFileName().toString(), text, settings())).as("findings in %s", file)
                    .isEmpty();
        }));
    }

    @Test
    void shouldReportNothingForEmptyInput() {
        assertThat(check().evaluate(CheckContext.of(List.of(), settings()))).isEmpty();
    }

    @Test
    void shouldBeRegistered() {
        assertThat(CheckRegistry.defaultRegistry().byId(check().metadata().id()))
                .as("registered in CheckRegistry").isPresent()
                .get().isInstanceOf(check().getClass());
    }

    @Test
    void shouldHaveCompleteMetadata() {
        CheckMetadata m = check().metadata();
        assertThat(m.id()).matches(CheckMetadata.ID_PATTERN);
        assertThat(m.title()).isNotBlank();
        assertThat(m.description()).isNotBlank();
        assertThat(m.remediation()).isNotBlank();
        assertThat(m.since()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(m.references()).allSatisfy(r -> assertThat(r).startsWith("https://"));
        assertThat(check().getClass().getSimpleName()).endsWith("Check");
    }

    private Stream<Path> files(final String kind) {
        Path dir = Fixtures.path("checks/" + check().metadata().id() + "/" + kind);
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")
                    || p.toString().endsWith(".json")).sorted().toList();
            assertThat(files).as("fixtures in %s", dir).isNotEmpty();
            return files.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines marked with {@code # expect: ID}, one entry per marker occurrence, sorted. */
    public static List<Integer> expectedLines(final String text, final String id) {
        List<Integer> lines = new ArrayList<>();
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            Matcher m = EXPECT.matcher(all[i]);
            if (m.find()) {
                for (String token : m.group(1).split("[\\s,]+", -1)) {
                    if (token.equals(id)) {
                        lines.add(i + 1);
                    }
                }
            }
        }
        return lines;
    }
}
