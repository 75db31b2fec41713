package io.k8sgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Result;
import hudson.model.Run;
import hudson.slaves.DumbSlave;
import io.k8sgate.core.Baselines;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.baseline.RedactionKey;
import io.k8sgate.core.input.render.ChartRequest;
import io.k8sgate.core.input.render.HelmRenderer;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import jenkins.security.MasterToSlaveCallable;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The step in real Pipelines: results, log, report page, trend, agents, return value and the reference build. */
@WithJenkins
class SecurityGateStepITest {
    private static final String COMPLIANT = "samples/hardened";
    private static final String PRIVILEGED = "samples/privileged";
    private static final String ARTIFACTS_PERMISSION = "hudson.security.ArtifactsPermission";
    /** A gate that records every finding and passes, as a first build that later builds compare with. */
    private static final String ACCEPT_ALL = """
            node {
                k8sSecurityGate manifests: 'deploy', failOn: 'NONE', warnOn: 'NONE'
            }
            """;

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
                    echo "after the gate: ${gate.decision} ${gate.verdict}"
                }
                """);
        copyInto(j.jenkins.getWorkspaceFor(job), PRIVILEGED);

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("after the gate: FAIL FAIL_ON_FINDINGS", run);
    }

    @Test
    void shouldFailClosedNamingTheManifestThatCannotBeRead() throws Exception {
        WorkflowJob job = job("broken", """
                node {
                    writeFile file: 'deploy/broken.yaml', text: 'kind: Pod\\nmetadata: [\\n'
                    def gate = k8sSecurityGate manifests: 'deploy', failOn: 'NONE', continueOnFailure: true
                    echo "verdict=${gate.verdict} inputErrors=${gate.inputErrors > 0}"
                }
                """);
        copyInto(j.jenkins.getWorkspaceFor(job), COMPLIANT);

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("verdict=FAIL_ON_INPUT inputErrors=true", run);
        j.assertLogContains("broken.yaml", run);
        assertThat(run.getAction(SecurityGateAction.class).getStatus()).isEqualTo("FAIL");
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
    void shouldHandTheBuildsRedactionKeyToTheAgentWithoutPrintingIt() throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("k8s-keyed"));
        String team = "the-team-key-from-the-ci-credential-store";
        String other = "another-agent-with-a-key-of-its-own-0123";
        WorkflowJob job = job("keyed", """
                node('k8s-keyed') {
                    for (key in ['%s', '%s']) {
                        withEnv(["K8S_SECURITY_BASELINE_KEY=${key}"]) {
                            k8sSecurityGate manifests: 'deploy', baseline: 'baselines', failOn: 'NONE', warnOn: 'NONE'
                        }
                    }
                }
                """.formatted(team, other));
        FilePath workspace = agent.getWorkspaceFor(job);
        copyInto(workspace, COMPLIANT);
        workspace.child("deploy/secret.yaml").copyFrom(Fixtures.path("baselines/app/v1/secret.yaml").toUri().toURL());
        Path root = Path.of(workspace.getRemote());
        new Baselines(new SecurityGate()).record(GateRequest.of(root, List.of("deploy")),
                new DirectoryStore(root.resolve("baselines"), RedactionKey.of(team, "the team's key")),
                new Baselines.RecordOptions(true, Optional.of("1"), Optional.empty()));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        String log = JenkinsRule.getLog(run);
        int sameKey = log.indexOf("drift: 0 added, 0 removed, 0 changed (0 security-relevant");
        Matcher otherKey = Pattern.compile("drift: 0 added, 0 removed, [1-9]\\d* changed \\([1-9]").matcher(log);
        assertThat(sameKey).as(log).isGreaterThan(log.indexOf("Running on " + agent.getNodeName())).isPositive();
        assertThat(otherKey.find(sameKey)).as(log).isTrue();
        assertThat(log).doesNotContain(team, other);
    }

    @Test
    void shouldRenderHelmChartsOnTheAgentWithTheLibraryThePluginCarries() throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("k8s-helm"));
        FilePath chart = agent.getRootPath().child("charts/newer-kube");
        new FilePath(Fixtures.path("helm/newer-kube").toFile()).copyRecursiveTo(chart);

        String first = agent.getChannel().call(new RenderOnAgent(chart.getRemote()));
        String again = agent.getChannel().call(new RenderOnAgent(chart.getRemote()));

        assertThat(first).isEqualTo(again).contains("name: rel-future", "kube: \"v1.40.0\"");
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
                    .satisfies(f -> assertThat(f.getAttribute("src"))
                            .isEqualTo("report/" + ReportFormat.HTML.fileName()));

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
    void shouldCountOnlyNewFindingsAgainstTheReferenceBuild() throws Exception {
        WorkflowJob job = job("reference", ACCEPT_ALL);
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
        j.assertLogContains("reference build is reference #1", known);
        j.assertLogContains("decision=PASS total=0 known=true", known);

        addSecondPod(workspace);
        WorkflowRun added = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("reference build is reference #2", added);
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
    void shouldKeepTheLastBuildWhoseGatePassedAsReferenceUnlessTheGateIsIgnored() throws Exception {
        WorkflowJob job = job("gate-passed", ACCEPT_ALL);
        FilePath workspace = j.jenkins.getWorkspaceFor(job);
        copyInto(workspace, PRIVILEGED);
        j.buildAndAssertSuccess(job);
        job.setDefinition(new CpsFlowDefinition(gated(""), true));
        addSecondPod(workspace);

        WorkflowRun warned = j.buildAndAssertStatus(Result.UNSTABLE, job);
        WorkflowRun stillNew = j.buildAndAssertStatus(Result.UNSTABLE, job);
        job.setDefinition(new CpsFlowDefinition(gated(", ignoreQualityGate: true"), true));
        WorkflowRun accepted = j.buildAndAssertSuccess(job);

        j.assertLogContains("reference build is gate-passed #1", warned);
        j.assertLogContains("decision=WARN", warned);
        j.assertLogContains("reference build is gate-passed #1", stillNew);
        j.assertLogContains("node-debugger-2", stillNew);
        j.assertLogContains("reference build is gate-passed #3", accepted);
        j.assertLogContains("decision=PASS total=0", accepted);
    }

    @Test
    void shouldTakeOnlySuccessfulBuildsAsReferenceWhenRequiredResultIsSuccess() throws Exception {
        WorkflowJob job = job("required-result", """
                node {
                    k8sSecurityGate manifests: 'deploy', failOn: 'NONE', warnOn: 'NONE'
                    unstable 'the tests after the gate failed'
                }
                """);
        copyInto(j.jenkins.getWorkspaceFor(job), PRIVILEGED);
        j.buildAndAssertStatus(Result.UNSTABLE, job);

        job.setDefinition(new CpsFlowDefinition(gated(", requiredResult: 'SUCCESS'"), true));
        WorkflowRun successOnly = j.buildAndAssertStatus(Result.UNSTABLE, job);
        job.setDefinition(new CpsFlowDefinition(gated(""), true));
        WorkflowRun unstableToo = j.buildAndAssertSuccess(job);

        j.assertLogContains("no reference build (a completed build with result SUCCESS or better whose gate passed",
                successOnly);
        j.assertLogContains("decision=WARN", successOnly);
        j.assertLogContains("reference build is required-result #1", unstableToo);
        j.assertLogContains("decision=PASS total=0", unstableToo);
    }

    @Test
    void shouldTakeTheReferenceBuildFromTheReferenceJob() throws Exception {
        WorkflowJob main = job("main", ACCEPT_ALL);
        copyInto(j.jenkins.getWorkspaceFor(main), PRIVILEGED);
        WorkflowRun mainRun = j.buildAndAssertSuccess(main);
        WorkflowJob branch = job("branch", gated(", referenceJob: 'main'"));
        FilePath workspace = j.jenkins.getWorkspaceFor(branch);
        copyInto(workspace, PRIVILEGED);
        addSecondPod(workspace);
        WorkflowJob typo = job("typo", gated(", referenceJob: 'mian'"));
        copyInto(j.jenkins.getWorkspaceFor(typo), PRIVILEGED);

        WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, branch);
        WorkflowRun stopped = j.buildAndAssertStatus(Result.FAILURE, typo);

        j.assertLogContains("reference build is main #1", run);
        j.assertLogContains("node-debugger-2", run);
        assertThat(run.getAction(SecurityGateAction.class).getTotal()).isPositive()
                .isLessThanOrEqualTo(mainRun.getAction(SecurityGateAction.class).getTotal());
        j.assertLogContains("referenceJob 'mian' is not a job this build can see", stopped);
        assertThat(stopped.getAction(SecurityGateAction.class)).isNull();
    }

    @Test
    void shouldListTheReportFilesAndKeepThemFromUsersWithoutTheArtifactsPermission() throws Exception {
        WorkflowJob job = job("secured", ACCEPT_ALL);
        copyInto(j.jenkins.getWorkspaceFor(job), PRIVILEGED);
        WorkflowRun run = j.buildAndAssertSuccess(job);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader", "auditor")
                .grant(Run.ARTIFACTS).everywhere().to("auditor"));
        String page = run.getUrl() + SecurityGateAction.URL_NAME + "/";

        try (JenkinsRule.WebClient reader = j.createWebClient().login("reader");
                JenkinsRule.WebClient auditor = j.createWebClient().login("auditor")) {
            reader.getOptions().setThrowExceptionOnFailingStatusCode(false);
            assertThat(reader.goTo(page + "report/").asNormalizedText()).contains(ReportFormat.JSON.fileName(),
                    ReportFormat.SARIF.fileName(), ReportFormat.HTML.fileName());

            System.setProperty(ARTIFACTS_PERMISSION, "true");
            try {
                assertThat(reader.goTo(page + "report/").getWebResponse().getStatusCode()).isEqualTo(403);
                assertThat(reader.goTo(reportUrl(run, ReportFormat.JSON), null).getWebResponse().getStatusCode())
                        .isEqualTo(403);
                assertThat(reader.goTo(page).asNormalizedText())
                        .contains("needs the permission to see this build's artifacts");
                assertThat(auditor.goTo(reportUrl(run, ReportFormat.JSON), null).getWebResponse()
                        .getContentAsString()).contains("\"status\" : \"PASS\"");
                assertThat(auditor.goTo(page).getElementsByTagName("iframe")).hasSize(1);
            } finally {
                System.clearProperty(ARTIFACTS_PERMISSION);
            }
        }
    }

    @Test
    void shouldBindIgnoreFilesVexAndEnableAllInPipelines() throws Exception {
        WorkflowJob job = job("suppressions", """
                node {
                    writeFile file: '.trivyignore', text: 'CVE-2026-10001'
                    def gate = k8sSecurityGate manifests: 'deploy/src/main/k8s', trivyReports: 'deploy/scans/*.json',
                            trivyIgnoreFiles: '.trivyignore', vexFiles: 'missing.openvex.json', enableAll: true,
                            continueOnFailure: true
                    echo "decision=${gate.decision} suppressed=${gate.suppressed} inputErrors=${gate.inputErrors}"
                }
                """);
        copyInto(j.jenkins.getWorkspaceFor(job), "samples/image-app");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("decision=FAIL suppressed=1 inputErrors=1", run);
        j.assertLogContains("missing.openvex.json", run);
        j.assertLogContains("K8S-IMG-004", run);
    }

    @Test
    void shouldKeepEveryParameterThroughTheConfigurationForm() throws Exception {
        SecurityGateStep step = new SecurityGateStep("deploy/**/*.yaml");
        step.setPolicy("k8s-security.yaml");
        step.setFailOn("CRITICAL");
        step.setWarnOn("HIGH");
        step.setTrivyReports("scans/*.json");
        step.setAdmissionPolicies("admission/*.yaml");
        step.setTrivyIgnoreFiles(".trivyignore");
        step.setVexFiles("scans/web.openvex.json");
        step.setEnableAll(true);
        step.setNewFindingsOnly(true);
        step.setReferenceJob("shop/main");
        step.setRequiredResult("SUCCESS");
        step.setIgnoreQualityGate(true);
        step.setFailOnInputError(false);
        step.setContinueOnFailure(true);
        step.setReportDir("reports/k8s");
        step.setBaselineVersion(3L);
        step.setBaselineBranch("approved");

        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
    }

    @Test
    void shouldOfferFunctionNameAndThresholdsToTheSnippetGenerator() {
        SecurityGateStep.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(SecurityGateStep.DescriptorImpl.class);

        assertThat(descriptor.getFunctionName()).isEqualTo("k8sSecurityGate");
        assertThat(descriptor.doFillFailOnItems()).extracting(o -> o.value)
                .containsExactly("", "CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO", "NONE");
        assertThat(descriptor.doFillRequiredResultItems()).extracting(o -> o.value)
                .containsExactly("UNSTABLE", "SUCCESS");
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

    /**
     * Renders a chart in the agent's JVM with the engine's Helm renderer, whose classes, JNA and Helm's library all
     * come from the controller through the agent's class loader, as the step's do.
     */
    private static final class RenderOnAgent extends MasterToSlaveCallable<String, RuntimeException> {
        private static final long serialVersionUID = 1L;
        private final String chart;

        RenderOnAgent(final String chart) {
            this.chart = chart;
        }

        @Override
        public String call() {
            HelmRenderer renderer = HelmRenderer.installed()
                    .orElseThrow(() -> new IllegalStateException("no HelmRenderer service on the agent"));
            return renderer.render(new ChartRequest(Path.of(chart), "rel", "shop", List.of(), List.of(), "1.40"))
                    .templates().get(0).text();
        }
    }

    /** A gate that counts only new findings and warns on them, echoing what it decided. */
    private static String gated(final String parameters) {
        return """
                node {
                    def gate = k8sSecurityGate manifests: 'deploy', newFindingsOnly: true, failOn: 'NONE', \
                warnOn: 'HIGH'%s
                    echo "decision=${gate.decision} total=${gate.total}"
                }
                """.formatted(parameters);
    }

    /** Adds a second privileged pod, whose findings are new against a build that did not have it. */
    private static void addSecondPod(final FilePath workspace) throws Exception {
        workspace.child("deploy/second.yaml").write(workspace.child("deploy/pod.yaml").readToString()
                .replace("name: node-debugger", "name: node-debugger-2"), "UTF-8");
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
