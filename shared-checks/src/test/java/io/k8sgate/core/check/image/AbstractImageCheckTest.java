package io.k8sgate.core.check.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.input.trivy.TrivyDocument;
import io.k8sgate.core.input.trivy.TrivyReportReader;
import io.k8sgate.core.input.trivy.TrivyReports;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The check contract for image checks: every fixture manifest is checked together with the scan reports of
 * {@code trivy/checks/common/} and, when present, those of {@code trivy/checks/<ID>/<fixture name>/}.
 */
abstract class AbstractImageCheckTest extends AbstractCheckTest {
    /** The day suppressions are judged on in these tests. */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    /** The image policy for the fixture runs. */
    ImageSettings imageSettings() {
        return ImageSettings.DEFAULT;
    }

    @Override
    protected List<Finding> findings(final String file, final String yaml, final CheckSettings settings) {
        List<Diagnostic> problems = new ArrayList<>();
        List<K8sObject> objects = new ManifestLoader().parse(file, yaml, problems::add);
        assertThat(problems).as("diagnostics while loading %s", file).isEmpty();
        return check().evaluate(context(objects, settings, reports(file)));
    }

    /** A context over the objects with image settings and reports attached. */
    CheckContext context(final List<K8sObject> objects, final CheckSettings settings, final TrivyReports reports) {
        return CheckContext.of(objects, settings).with(ImageSettings.class, imageSettings())
                .with(TrivyReports.class, reports);
    }

    /** The reports a fixture is checked with. */
    TrivyReports reports(final String fixture) {
        List<TrivyDocument> docs = new ArrayList<>(read(Fixtures.path("trivy/checks/common")));
        String base = fixture.replaceAll("\\.ya?ml$", "");
        Path own = Fixtures.root().resolve("trivy/checks/" + check().metadata().id() + "/" + base);
        if (Files.isDirectory(own)) {
            docs.addAll(read(own));
        }
        return TrivyReports.of(docs, TODAY);
    }

    static List<TrivyDocument> read(final Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .map(p -> new TrivyReportReader().read(p, p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads manifest text for check-specific tests. */
    static List<K8sObject> objects(final String yaml) {
        List<Diagnostic> problems = new ArrayList<>();
        List<K8sObject> objects = new ManifestLoader().parse("test.yaml", yaml, problems::add);
        assertThat(problems).isEmpty();
        return objects;
    }
}
