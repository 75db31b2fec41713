package io.k8sgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.policy.Verdict;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {
    @TempDir
    Path root;

    /** One run of the command line. */
    record Run(int code, String out, String err) {
    }

    private Run run(final String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.size() > 1 && !all.contains("--root")) {
            all.add(2, "--root");
            all.add(3, root.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void copyTheFirstVersionOfTheApplication() throws IOException {
        copy("v1");
        OnlyPrivilegedPolicy.write(root, "");
    }

    private void copy(final String version) throws IOException {
        Path target = root.resolve("manifests");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(Fixtures.path("baselines/app/" + version))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, target.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void shouldRecordListDiffExportAndPrune() throws IOException {
        Run first = run("baseline", "record", "manifests", "--build-id", "ci-41");
        copy("v2");
        Run refused = run("baseline", "record", "manifests");
        Run diff = run("baseline", "diff", "manifests");
        Run forced = run("baseline", "record", "manifests", "--force", "--build-id", "ci-42");
        Run history = run("baseline", "history");
        Run versions = run("baseline", "diff", "--version", "2", "--to", "1", "--fail-on-drift");
        Run export = run("baseline", "export", "1", root.resolve("rollback").toString());
        Run prune = run("baseline", "prune", "--keep", "1");

        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("Recorded baseline version 1 in " + root.resolve(".k8s-security/baselines"));
        assertThat(refused.code()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(refused.out()).contains("Not recorded: the gate failed");
        assertThat(diff.code()).isZero();
        assertThat(diff.out()).contains("From baseline v1 to the current inputs:", "  + Ingress/shop/web",
                "! [privileged] spec.template.spec.containers[name=web].securityContext.privileged: false -> true",
                "! [exposure] spec.type: \"ClusterIP\" -> \"LoadBalancer\"", "Findings: 1 new, 0 outstanding, 0 fixed",
                "  new: CRITICAL K8S-WL-001 Deployment/shop/web [web]").doesNotContain("another-plain-text");
        assertThat(forced.out()).contains("Recorded baseline version 2");
        assertThat(history.out()).containsPattern("(?m)^1 +\\S+ +\\S+ +ci-41 +5 +0 ")
                .containsPattern("(?m)^2 +\\S+ +\\S+ +ci-42 +6 +1 ");
        assertThat(versions.code()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(versions.out()).contains("From baseline v2 to v1:", "  - Ingress/shop/web",
                "Findings: 0 new, 0 outstanding, 1 fixed");
        assertThat(export.code()).isZero();
        assertThat(export.out()).contains("Exported baseline v1 (5 manifests)",
                "warning: Secret/shop/web-credentials holds secret values");
        assertThat(root.resolve("rollback/004-service-shop-web.yaml")).content().contains("type: ClusterIP");
        assertThat(prune.out()).contains("Removed 1 version(s): [v1]");
        assertThat(run("baseline", "history").out()).doesNotContainPattern("(?m)^1 ");
    }

    @Test
    void shouldListTheVersionsAndSayWhenTheIndexIsDamagedIssue16() throws IOException {
        run("baseline", "record", "manifests", "--build-id", "ci-1");
        Path index = root.resolve(".k8s-security/baselines/index.json");
        Files.writeString(index, Files.readString(index).replace("ci-1", "ci-2"));

        Run history = run("baseline", "history");

        assertThat(history.code()).isZero();
        assertThat(history.out()).contains("note: Baseline index", "fails its integrity check",
                "the next record writes the index anew").containsPattern("(?m)^1 +\\S+ +\\S+ +ci-1 ");
    }

    @Test
    void shouldFailClosedOnAMissingOrCorruptStore() throws IOException {
        Run missing = run("baseline", "history", "--store", "nowhere");
        run("baseline", "record", "manifests");
        Path version = root.resolve(".k8s-security/baselines/v000001.json");
        Files.writeString(version, Files.readString(version).replaceFirst("\"schemaVersion\" : \\d+",
                "\"schemaVersion\" : 9"));
        Run newer = run("baseline", "diff", "manifests");

        assertThat(missing.code()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(missing.err()).contains("baseline error: No baseline store at " + root.resolve("nowhere"));
        assertThat(newer.code()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(newer.err()).contains("version 1", "schema version 9", "upgrade");
    }

    @Test
    void shouldUseAGitRepositoryAsTheStore() throws Exception {
        Path bare = root.resolve("baselines.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();

        Run record = run("baseline", "record", "manifests", "--store", bare.toUri().toString(), "--branch", "approved");
        Run history = run("baseline", "history", "--store", bare.toString(), "--branch", "approved");
        Run unreachable = run("baseline", "history", "--store", root.resolve("gone.git").toUri().toString());

        assertThat(record.code()).as(record.err()).isZero();
        assertThat(record.out()).contains("Recorded baseline version 1 in " + bare.toUri() + " (branch approved)");
        assertThat(history.out()).containsPattern("(?m)^1 ");
        assertThat(unreachable.code()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(unreachable.err()).contains("Cannot reach the Git baseline store");
    }

    @Test
    void shouldRecordOnlyWhatTheClusterWouldAdmitUnderTheAdmissionPolicies() throws IOException {
        Files.createDirectories(root.resolve("admission"));
        Files.writeString(root.resolve("admission/team-label.yaml"), """
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicy
                metadata:
                  name: team-label.example.com
                spec:
                  matchConstraints:
                    resourceRules:
                      - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments]}
                  validations:
                    - expression: "'team' in object.metadata.labels"
                      message: Deployments carry the label team
                ---
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicyBinding
                metadata:
                  name: team-label-binding.example.com
                spec:
                  policyName: team-label.example.com
                  validationActions: [Deny]
                """);

        Run refused = run("baseline", "record", "manifests", "--admission-policies", "admission");
        Run recorded = run("baseline", "record", "manifests");

        assertThat(refused.code()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(refused.out()).contains("Not recorded: the gate failed", "VAP-team-label.example.com "
                + "Deployment/shop/web");
        assertThat(recorded.out()).contains("Recorded baseline version 1");
    }

    @Test
    void shouldRequireTheClusterFlagAndAPositiveKeep() {
        assertThat(run("baseline", "rollback", "1").code()).isEqualTo(Verdict.EXIT_USAGE);
        assertThat(run("baseline", "prune", "--keep", "0").code()).isEqualTo(Verdict.EXIT_USAGE);
    }

    @Test
    void shouldGateOnlyOnNewFindingsAgainstTheBaseline() throws IOException {
        copy("v2");
        run("baseline", "record", "manifests", "--force");
        OnlyPrivilegedPolicy.write(root, "newFindingsOnly: true\n");

        Run outstanding = run("check", "manifests", "--root", root.toString(), "--baseline",
                ".k8s-security/baselines");
        Run defaultStore = run("check", "manifests", "--root", root.toString());
        Run withoutReference = run("check", "manifests", "--root", root.toString(), "--baseline", "none");
        Run unreadable = run("check", "manifests", "--root", root.toString(), "--baseline", "missing-store");
        Run unreachable = run("check", "manifests", "--root", root.toString(), "--baseline",
                root.resolve("gone.git").toUri().toString());

        assertThat(outstanding.code()).as(outstanding.out()).isZero();
        assertThat(outstanding.out()).containsPattern("Compared with baseline v1 \\(recorded [^)]+\\): 0 new, "
                + "1 outstanding, 0 fixed finding\\(s\\)");
        assertThat(defaultStore.code()).as("the default store, which exists, is the reference").isZero();
        assertThat(defaultStore.out()).contains("Compared with baseline v1");
        assertThat(withoutReference.code()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(withoutReference.out()).doesNotContain("Compared with");
        assertThat(unreadable.code()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(unreadable.out()).contains("No baseline store at");
        assertThat(unreachable.code()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(unreachable.out()).contains("Cannot reach the Git baseline store", "gone.git");
    }
}
