package io.k8sgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.io.File;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The step in real Pipelines: results, log, report page, trend, agents, return value and the reference build. */
@WithJenkins
class SecurityGateStepITest {
    private static final String COMPLIANT = "samples/hardened";
    private static final String PRIVILEGED = "samples/privileged";

    private JenkinsRule j;

    @BeforeEach
    void setUp(final JenkinsRule rule) {
        j = rule;
    }

    @Test
    void shouldSucceedAndReturnDecisionWhenManifestsAreCompliant() throws Exception {
        WorkflowJob job = job("compliant", """
                node {
                    def gate = k8sSecurityGate manifests: 'deploy'
                    echo "decision=${gate.decision} result=${gate.result} total=${gate.total} \
                critical=${gate.counts.CRITICAL} checked=${gate.resources > 0}"
                }
                """);
        copyInto(j.jenkins.getWorkspaceFor(job), COMPLIANT);

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("K8s Security Gate", run);
        j.assertLogContains("decision=PASS result=SUCCESS total=0 critical=0 checked=true", run);
        assertThat(run.getAction(SecurityGateAction.class)).isNotNull()
                .satisfies(a -> assertThat(a.getStatus()).isEqualTo("PASS"));
        assertThat(kept(run, ReportFormat.JSON)).isFile();
        assertThat(kept(run, ReportFormat.SARIF)).isFile();
        assertThat(kept(run, ReportFormat.HTML)).isFile();
    }

    @Test
    void shouldBecomeUnstableWithWarningOnTheStageWhenGateWarns() throws Exception {
        WorkflowJob job = job("warn", """
                node {
                    stage('Gate') {
                        def gate = k8sSecurityGate manifests: 'deploy', failOn: 'NONE', warnOn: 'CRITICAL'
                        echo "decision=${gate.decision} critical=${gate.counts.CRITICAL > 0}"
                    }
                    echo 'after the gate'
                }
                """);
        copyInto(j.jenkins.getWorkspaceFor(job), PRIVILEGED);

        WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        j.assertLogContains("decision=WARN critical=true", run);
        j.assertLogContains("after the gate", run);
        j.assertLogContains("finding(s) at or above warnOn CRITICAL", run);
        List<WarningAction> warnings = new DepthFirstScanner().allNodes(run.getExecution()).stream()
                .map(n -> n.getPersistentAction(WarningAction.class)).filter(a -> a != null).toList();
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.getResult()).isEqualTo(Result.UNSTABLE);
            assertThat(w.getMessage()).startsWith("K8s Security Gate WARN");
        });
    }

    @Test
    void shouldAbortWithSummaryWhenGateFails() throws Exception {
        WorkflowJob job = job("fail", """
                node {
                    k8sSecurityGate manifests: 'deploy'
                    echo 'after the gate'
                }
                """);
        copyInto(j.jenkins.getWorkspaceFor(job), PRIVILEGED);

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("finding(s) at or above failOn HIGH", run);
        j.assertLogContains("K8s Security Gate FAIL: ", run);
        j.assertLogContains("K8S-WL-001", run);
        j.assertLogNotContains("after the gate", run);
        j.assertLogNotContains("\tat io.k8sgate", run);
        assertThat(run.getAction(SecurityGateAction.class).getStatus()).isEqualTo("FAIL");
        assertThat(run.getAction(SecurityGateAction.class).getCounted().get("CRITICAL")).isPositive();
    }

    @Test
    void shouldGateOnTrivyReportsFoundByGlob() throws Exception {
        WorkflowJob job = job("trivy", """
                node {
                    def gate = k8sSecurityGate manifests: 'deploy/src/main/k8s', trivyReports: 'deploy/scans/*.json',
                            continueOnFailure: true
                    echo "critical: ${gate.counts.CRITICAL}"
                }
                """);
        copyInto(j.jenkins.getWorkspaceFor(job), "samples/image-app");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("K8S-IMG-001", run);
        j.assertLogNotContains("critical: 0", run);
        assertThat(run.getAction(SecurityGateAction.class).getCounted().get("CRITICAL")).isPositive();
    }

    @Test
    void shouldMarkFailureAndContinueWhenAsked() throws Exception {
        WorkflowJob job = job("continue", """
                node {
                    def gate = k8sSecurityGate manifests: 'deploy', continueOnFailure: true
                    echo "after the gate: ${gate.decision}"
                }
                """);
        copyInto(j.jenkins.getWorkspaceFor(job), PRIVILEGED);

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("after the gate: FAIL", run);
    }

    @Test
    void shouldStopWithClearMessageWhenConfigurationIsWrong() throws Exception {
        WorkflowJob job = job("config", """
                node {
                    k8sSecurityGate manifests: 'deploy', failOn: 'SEVERE'
                }
                """);
        copyInto(j.jenkins.getWorkspaceFor(job), COMPLIANT);

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("'SEVERE' is not a threshold", run);
        assertThat(run.getAction(SecurityGateAction.class)).isNull();
    }

    @Test
    void shouldRunOnTheAgentThatHoldsTheWorkspace() throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("k8s-remote"));
        WorkflowJob job = job("agent", """
                node('k8s-remote') {
                    def gate = k8sSecurityGate manifests: 'deploy', failOn: 'NONE', warnOn: 'NONE'
                    echo "decision=${gate.decision} critical=${gate.counts.CRITICAL > 0}"
                }
                """);
        FilePath workspace = agent.getWorkspaceFor(job);
        copyInto(workspace, PRIVILEGED);

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("Running on " + agent.getNodeName(), run);
        j.assertLogContains("decision=PASS critical=true", run);
        assertThat(workspace.child("k8s-security-reports").child(ReportFormat.JSON.fileName()).exists()).isTrue();
        assertThat(kept(run, ReportFormat.JSON)).isFile();
        assertThat(j.jenkins.getWorkspaceFor(job).child("k8s-security-reports").exists()).isFalse();
    }

    @Test
    void shouldRenderReportPageAndServeReportFilesUnderContentSecurityPolicy() throws Exception {
        WorkflowJob job = job("page", """
                node {
                    k8sSecurityGate manifests: 'deploy', continueOnFailure: true
                }
                """);
        copyInto(j.jenkins.getWorkspaceFor(job), PRIVILEGED);
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        try (JenkinsRule.WebClient web = j.createWebClient()) {
            web.getOptions().setThrowExceptionOnFailingStatusCode(true);
            HtmlPage build = web.getPage(run);
            assertThat(build.asNormalizedText()).contains("K8s Security Gate", "FAIL", "counted finding(s)");

            HtmlPage page = web.getPage(run, SecurityGateAction.URL_NAME + "/");
            assertThat(page.asNormalizedText()).contains("K8s Security Report", "FAIL");
            assertThat(page.getElementsByTagName("iframe")).singleElement()
                    .satisfies(f -> assertThat(f.getAttribute("src")).isEqualTo("report/" + ReportFormat.HTML.fileName()));

            Page html = web.goTo(reportUrl(run, ReportFormat.HTML), null);
            assertThat(html.getWebResponse().getContentAsString()).contains("K8S-WL-001", "node-debugger")
                    .doesNotContain("<script");
            assertThat(html.getWebResponse().getResponseHeaderValue("Content-Security-Policy")).contains("sandbox");

            Page json = web.goTo(reportUrl(run, ReportFormat.JSON), null);
            assertThat(json.getWebResponse().getContentAsString()).contains("\"status\" : \"FAIL\"");
            Page sarif = web.goTo(reportUrl(run, ReportFormat.SARIF), null);
            assertThat(sarif.getWebResponse().getContentAsString()).contains("\"version\" : \"2.1.0\"");
        }
    }

    @Test
    void shouldDrawTrendOverCompletedBuildsIncludingFailedOnes() throws Exception {
        WorkflowJob job = job("trend", """
                node {
                    k8sSecurityGate manifests: 'deploy'
                }
                """);
        copyInto(j.jenkins.getWorkspaceFor(job), PRIVILEGED);
        j.buildAndAssertStatus(Result.FAILURE, job);
        j.jenkins.getWorkspaceFor(job).child("deploy").deleteRecursive();
        copyInto(j.jenkins.getWorkspaceFor(job), COMPLIANT);
        j.buildAndAssertSuccess(job);

        SecurityGateTrendAction trend = job.getAction(SecurityGateTrendAction.class);
        assertThat(trend.points()).extracting(p -> p.label() + " " + p.status())
                .containsExactly("#1 FAIL", "#2 PASS");
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            HtmlPage jobPage = web.getPage(job);
            assertThat(jobPage.getElementsByTagName("img")).anySatisfy(
                    img -> assertThat(img.getAttribute("src")).endsWith("k8s-security-trend/chart"));
            Page chart = web.goTo(job.getUrl() + "k8s-security-trend/chart", "image/svg+xml");
            assertThat(chart.getWebResponse().getContentAsString()).startsWith("<svg").contains("#1: FAIL");
        }
    }

    @Test
    void shouldCountOnlyNewFindingsAgainstTheLastSuccessfulBuild() throws Exception {
        WorkflowJob job = job("reference", """
                node {
                    k8sSecurityGate manifests: 'deploy', failOn: 'NONE', warnOn: 'NONE'
                }
                """);
        FilePath workspace = j.jenkins.getWorkspaceFor(job);
        copyInto(workspace, PRIVILEGED);
        j.buildAndAssertSuccess(job);

        job.setDefinition(new CpsFlowDefinition("""
                node {
                    def gate = k8sSecurityGate manifests: 'deploy', newFindingsOnly: true
                    echo "decision=${gate.decision} total=${gate.total} known=${gate.findings > 0}"
                }
                """, true));
        WorkflowRun known = j.buildAndAssertSuccess(job);
        j.assertLogContains("reference is reference #1", known);
        j.assertLogContains("decision=PASS total=0 known=true", known);

        workspace.child("deploy/second.yaml").write(workspace.child("deploy/pod.yaml").readToString()
                .replace("name: node-debugger", "name: node-debugger-2"), "UTF-8");
        WorkflowRun added = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("reference is reference #2", added);
        j.assertLogContains("new finding(s) at or above failOn HIGH", added);
        j.assertLogContains("node-debugger-2", added);
        int newOnes = added.getAction(SecurityGateAction.class).getTotal();

        job.setDefinition(new CpsFlowDefinition("""
                node {
                    k8sSecurityGate manifests: 'deploy', newFindingsOnly: true, baseline: 'none'
                }
                """, true));
        WorkflowRun none = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("new finding(s) at or above failOn HIGH", none);
        assertThat(newOnes).isPositive();
        assertThat(none.getAction(SecurityGateAction.class).getTotal()).isGreaterThan(newOnes);
    }

    @Test
    void shouldOfferFunctionNameAndThresholdsToTheSnippetGenerator() {
        SecurityGateStep.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(SecurityGateStep.DescriptorImpl.class);

        assertThat(descriptor.getFunctionName()).isEqualTo("k8sSecurityGate");
        assertThat(descriptor.doFillFailOnItems()).extracting(o -> o.value)
                .containsExactly("", "CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO", "NONE");
        // without manifests the step checks the policy's inputs: a warning in the form, not an error
        assertThat(descriptor.doCheckManifests(" ").kind).isEqualTo(hudson.util.FormValidation.Kind.WARNING);
    }

    @Test
    void shouldRenderAKustomizationOnTheAgentAndNameThePatch() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.util.stream.Stream.of(System.getenv()
                .getOrDefault("PATH", "").split(File.pathSeparator)).anyMatch(d -> new File(d, "kubectl").canExecute()),
                "kubectl is not on the PATH: the step's Kustomize case is skipped");
        WorkflowJob job = job("kustomize", """
                node {
                    k8sSecurityGate manifests: 'deploy/overlays/prod', kustomizeCommand: 'kubectl kustomize',
                            release: 'ignored-without-charts'
                }
                """);
        new FilePath(Fixtures.path("repos/kustomize").toFile()).copyRecursiveTo(j.jenkins.getWorkspaceFor(job)
                .child("deploy"));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("Rendered kustomization deploy/overlays/prod: 4 object(s)", run);
        j.assertLogContains("deploy/overlays/prod/privileged.yaml:12", run);
    }

    private WorkflowJob job(final String name, final String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private static void copyInto(final FilePath workspace, final String fixture) throws Exception {
        new FilePath(Fixtures.path(fixture).toFile()).copyRecursiveTo(workspace.child("deploy"));
    }

    private static String reportUrl(final WorkflowRun run, final ReportFormat format) {
        return run.getUrl() + SecurityGateAction.URL_NAME + "/report/" + format.fileName();
    }

    private static File kept(final WorkflowRun run, final ReportFormat format) {
        return new File(SecurityGateAction.reportDirectory(run), format.fileName());
    }
}
