package io.k8sgate.helm;

import static io.k8sgate.helm.Charts.lineOf;
import static io.k8sgate.helm.Charts.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.k8sgate.core.input.render.ChartRequest;
import io.k8sgate.core.input.render.RenderedChart;
import io.k8sgate.core.input.render.RenderedTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Renders Google's microservices-demo chart from the real-world corpus ({@code -Dk8s.corpus=PATH}) as its
 * expectations say: default values, release {@code rel}, Kubernetes 1.33, hooks not counted.
 */
class MicroservicesDemoCorpusTest {
    private static RenderedChart rendered;

    /** The rendered chart; the test is skipped, with a message saying how to run it, without the corpus. */
    private static synchronized RenderedChart chart() {
        String corpus = System.getProperty("k8s.corpus", "").trim();
        assumeTrue(!corpus.isEmpty(), "Conformance corpus not given: run with -Dk8s.corpus=../shared/corpus "
                + "(.ci/run does) to render the microservices-demo chart; SKIPPED");
        Path dir = Paths.get(corpus).resolve("real-world/microservices-demo/helm-chart");
        assumeTrue(Files.isDirectory(dir), "Corpus chart " + dir + " does not exist: SKIPPED");
        if (rendered == null) {
            rendered = new InProcessHelmRenderer().render(new ChartRequest(dir, "rel", "default", List.of(),
                    List.of(), "1.33"));
        }
        return rendered;
    }

    @Test
    void shouldRenderAtLeastTheObjectsTheCorpusExpects() {
        List<RenderedTemplate> objects = chart().templates().stream().filter(t -> !t.hook()).toList();

        assertThat(objects).hasSizeGreaterThanOrEqualTo(36);
        assertThat(objects.stream().map(Charts::id).filter(id -> id.startsWith("Deployment/"))).hasSize(12);
        assertThat(objects.stream().map(Charts::id).filter(id -> id.startsWith("ServiceAccount/"))).hasSize(12);
        assertThat(objects.stream().map(Charts::id).filter(id -> id.startsWith("Service/")))
                .hasSizeGreaterThanOrEqualTo(12).contains("Service/frontend-external");
    }

    @Test
    void shouldTraceTheCorpusRiskLinesToTheirTemplateLines() {
        RenderedTemplate external = object(chart(), "Service", "frontend-external");
        RenderedTemplate frontend = object(chart(), "Deployment", "frontend");
        RenderedTemplate loadgenerator = object(chart(), "Deployment", "loadgenerator");

        assertThat(external.source()).isEqualTo("templates/frontend.yaml");
        assertThat(external.templateLine(lineOf(external, "type: LoadBalancer"))).isEqualTo(159);
        assertThat(frontend.templateLine(lineOf(frontend, "runAsNonRoot: true"))).isEqualTo(57);
        assertThat(loadgenerator.templateLine(lineOf(loadgenerator, "name: frontend-check"))).isEqualTo(87);
    }

    @Test
    void shouldTraceAlmostEveryRenderedLine() {
        long lines = chart().templates().stream().mapToLong(t -> t.templateLines().length).sum();
        long traced = chart().templates().stream().mapToLong(t -> Arrays.stream(t.templateLines())
                .filter(l -> l > 0).count()).sum();

        assertThat(traced).isGreaterThanOrEqualTo(lines * 99 / 100);
    }
}
