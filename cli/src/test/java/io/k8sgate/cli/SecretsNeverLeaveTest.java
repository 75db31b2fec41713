package io.k8sgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.policy.Verdict;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials written into manifests (by format, by place, in annotations, arguments and ConfigMaps) never leave the
 * run: not into a directory store, a Git store or its history, an export, {@code baseline diff}, the reports of
 * {@code check --baseline} in every format, or the console. Their changes are still seen as drift.
 */
class SecretsNeverLeaveTest {
    /** Every secret value of the fixture holds this word. */
    private static final Pattern CANARY = Pattern.compile("(?i)leakcanary");

    @TempDir
    Path root;

    private final List<String> printed = new ArrayList<>();

    private String run(final String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        printed.add(out + "\n" + err);
        assertThat(code).as("%s%n%s%s", String.join(" ", args), out, err).isIn(Verdict.EXIT_PASS, Verdict.EXIT_FAIL);
        return out.toString();
    }

    private void manifests(final String version) throws IOException {
        Path target = Files.createDirectories(root.resolve("manifests"));
        Files.copy(Fixtures.path("samples/secrets-by-value/" + version + "/app.yaml"), target.resolve("app.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void shouldKeepNoSecretInStoresHistoryExportsDiffsReportsOrTheConsoleIssue16() throws Exception {
        Path bare = root.resolve("baselines.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        String git = bare.toUri().toString();
        String r = root.toString();
        manifests("v1");

        String check = run("check", "manifests", "--root", r, "--format", "json", "--output-dir",
                root.resolve("reports-plain").toString());
        run("baseline", "record", "manifests", "--force", "--root", r);
        run("baseline", "record", "manifests", "--force", "--root", r, "--store", git);
        manifests("v2");
        String diff = run("baseline", "diff", "manifests", "--root", r);
        run("baseline", "diff", "manifests", "--root", r, "--store", git);
        run("baseline", "record", "manifests", "--force", "--root", r);
        run("baseline", "record", "manifests", "--force", "--root", r, "--store", git);
        run("baseline", "diff", "--version", "1", "--to", "2", "--root", r, "--store", git);
        String export = run("baseline", "export", "2", root.resolve("export").toString(), "--root", r);
        run("baseline", "history", "--root", r, "--store", git);
        run("check", "manifests", "--root", r, "--baseline", ".k8s-security/baselines", "--baseline-version", "1",
                "--format", "json,sarif,junit,html,md", "--output-dir", root.resolve("reports").toString());
        run("check", "manifests", "--root", r, "--baseline", git, "--format", "json,html",
                "--output-dir", root.resolve("reports-git").toString());

        assertThat(check).contains("K8S-WL-062", "K8S-WL-064", "K8S-SEC-001", "K8S-SEC-002");
        assertThat(diff).contains("! [secret] spec.template.spec.containers[name=api].env[name=FOO].value: "
                + "\"(redacted hmac:", "! [secret] data.password: \"(redacted hmac:",
                "~ Secret/shop/api", "env[name=LOG_LEVEL].value: \"info\" -> \"debug\"");
        assertThat(export).contains("warning: Deployment/shop/api holds secret values");
        assertThat(Files.readString(root.resolve("reports/k8s-security-report.json"))).contains("\"secret\"");
        assertThat(printed).allSatisfy(text -> assertThat(text).doesNotContainPattern(CANARY));
        List<Path> written = written();
        assertThat(written).extracting(p -> root.relativize(p).toString().replace('\\', '/'))
                .contains(".k8s-security/baselines/v000002.json", "export/001-configmap-shop-api-config.yaml",
                        "reports/k8s-security-report.html", "reports/k8s-security-report.sarif",
                        "reports/k8s-security-junit.xml", "reports/k8s-security-summary.md",
                        "reports-git/k8s-security-report.json", "reports-plain/k8s-security-report.json");
        for (Path file : written) {
            assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as("%s", file)
                    .doesNotContainPattern(CANARY);
        }
        assertThat(blobsInHistory(bare)).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(blob -> assertThat(blob).doesNotContainPattern(CANARY));
    }

    /** Every file the runs wrote (stores, exports, reports), the input manifests and the bare repository left out. */
    private List<Path> written() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(root.resolve("manifests")))
                    .filter(p -> !p.startsWith(root.resolve("baselines.git")))
                    .toList();
        }
    }

    /** The content of every file of every commit on every branch of the repository. */
    private static List<String> blobsInHistory(final Path bare) throws IOException {
        List<String> blobs = new ArrayList<>();
        try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                walk.markStart(walk.parseCommit(ref.getObjectId()));
            }
            for (RevCommit commit : walk) {
                try (TreeWalk tree = new TreeWalk(repo)) {
                    tree.addTree(commit.getTree());
                    tree.setRecursive(true);
                    while (tree.next()) {
                        ObjectId blob = tree.getObjectId(0);
                        blobs.add(new String(repo.open(blob).getBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return blobs;
    }
}
