package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckRegistry;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacReportSectionTest {
    private static List<Finding> findings(final String fixture) {
        List<K8sObject> objects = new ManifestLoader().parse(fixture, Fixtures.read(fixture), d -> { });
        CheckContext context = CheckContext.of(objects, CheckSettings.DEFAULT);
        List<Finding> all = new ArrayList<>();
        CheckRegistry.defaultRegistry().all().forEach(c -> all.addAll(c.evaluate(context)));
        return all;
    }

    @Test
    void shouldListWhatEachSubjectCanDoAndThroughWhichBindingAndRole() {
        String html = render(findings("checks/K8S-RBAC-019/violating/pod-create-to-secrets.yaml"));

        assertThat(html).contains("<section id=\"rbac\">")
                .contains("<summary>ServiceAccount build/packager")
                .contains("read secrets (cluster-wide)")
                .contains("ClusterRoleBinding/packager-secrets -&gt; ClusterRole/secret-reader")
                .contains("<summary>User ci-bot");
    }

    @Test
    void shouldShowEscalationPathsStepByStepInHtmlAndMarkdown() {
        List<Finding> found = findings("checks/K8S-RBAC-019/violating/pod-create-to-secrets.yaml");

        assertThat(render(found)).contains("<h3>Escalation paths</h3>")
                .contains("<li>create a pod in namespace build that runs as ServiceAccount build/packager");
        assertThat(RbacReportSection.markdown(found)).contains("#### Escalation paths")
                .contains("User ci-bot can read secrets cluster-wide")
                .contains("  1. create a pod in namespace build")
                .contains("  2. ServiceAccount build/packager can read secrets cluster-wide");
    }

    @Test
    void shouldEscapeNamesFromTheManifests() {
        List<Finding> found = findings("checks/K8S-RBAC-003/violating/anonymous.yaml").stream()
                .map(f -> f.withProperty("subject", "<script>x</script>")).toList();

        assertThat(render(found)).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void shouldAddNothingWithoutRbacFindings() {
        assertThat(render(findings("checks/K8S-WL-001/compliant/hardened.yaml"))).isEmpty();
        assertThat(RbacReportSection.markdown(List.of())).isEmpty();
    }

    private static String render(final List<Finding> findings) {
        StringBuilder h = new StringBuilder();
        RbacReportSection.html(findings, h);
        return h.toString();
    }
}
