package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.input.render.RenderOptions;
import io.k8sgate.core.model.Diagnostic;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containment, links and unreadable directories when inputs are walked (issue #13, issue #16 items 4 and 9). */
class InputWalkerTest {
    private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: %s\nspec:\n  containers:\n"
            + "    - name: app\n      image: registry.example.com/app:1.0\n";
    private static final InputOptions EACH_PATH = new InputOptions(false, false, RenderOptions.DEFAULT);

    @TempDir
    Path dir;

    private Path write(final String relative, final String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static List<String> codes(final LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void shouldFollowADirectoryLinkThatStaysInsideTheWalkedTreeIssue16() throws IOException {
        write("tree/shared/pod.yaml", POD.formatted("shared"));
        Files.createSymbolicLink(dir.resolve("tree/linked"), dir.resolve("tree/shared"));
        write("tree/app/pod.yaml", POD.formatted("app"));

        LoadResult r = new ManifestLoader().load(dir, List.of("tree"));

        assertThat(r.diagnostics()).isEmpty();
        // the shared folder is reached twice (directly and through the link): its file is read once
        assertThat(r.objects()).extracting(o -> o.ref().name()).containsExactlyInAnyOrder("shared", "app");
    }

    @Test
    void shouldRefuseADirectoryLinkThatLeavesTheTreeLikeAFileLinkIssue16() throws IOException {
        write("outside/secret/pod.yaml", POD.formatted("outside"));
        write("outside/pod.yaml", POD.formatted("outside-file"));
        write("tree/app.yaml", POD.formatted("app"));
        Files.createSymbolicLink(dir.resolve("tree/escape-dir"), dir.resolve("outside/secret"));
        Files.createSymbolicLink(dir.resolve("tree/escape-file.yaml"), dir.resolve("outside/pod.yaml"));

        LoadResult r = new ManifestLoader().load(dir.resolve("tree"), List.of("."));

        assertThat(r.objects()).extracting(o -> o.ref().name()).containsExactly("app");
        assertThat(r.diagnostics()).filteredOn(d -> d.code().equals("path-outside-root")).hasSize(2)
                .allSatisfy(d -> {
                    assertThat(d.isError()).isTrue();
                    assertThat(d.message()).contains("links outside the root directory").endsWith("was refused");
                })
                .extracting(d -> d.location().file()).containsExactlyInAnyOrder("escape-dir", "escape-file.yaml");
    }

    @Test
    void shouldStopAtALinkBackToAnAncestor() throws IOException {
        write("tree/a/pod.yaml", POD.formatted("a"));
        Files.createSymbolicLink(dir.resolve("tree/a/loop"), dir.resolve("tree"));

        LoadResult r = new ManifestLoader().load(dir, List.of("tree"));

        assertThat(r.objects()).extracting(o -> o.ref().name()).containsExactly("a");
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void shouldReportAnUnreadableSubdirectoryByNameAndReadTheRestIssue16() throws IOException {
        write("tree/ok/pod.yaml", POD.formatted("ok"));
        write("tree/locked/pod.yaml", POD.formatted("locked"));
        Path base = dir.toRealPath();
        List<Diagnostic> problems = new ArrayList<>();
        InputWalker walker = new InputWalker(base, true, problems::add, d -> {
            if (d.getFileName().toString().equals("locked")) {
                throw new AccessDeniedException(d.toString());
            }
            try (var entries = Files.list(d)) {
                return entries.toList();
            }
        });

        InputWalker.InputSet set = walker.collect(List.of("tree"));

        assertThat(set.files.values()).extracting(InputWalker.Entry::display).containsExactly("tree/ok/pod.yaml");
        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.code()).isEqualTo("input-unreadable");
            assertThat(d.location().file()).isEqualTo("tree/locked");
            assertThat(d.message()).contains("permission denied", "not checked");
        });
    }

    @Test
    void shouldHonourANamedPathOutsideTheRootUnlessConfined() throws IOException {
        write("elsewhere/deploy/pod.yaml", POD.formatted("elsewhere"));
        Path work = Files.createDirectories(dir.resolve("work"));
        String named = dir.resolve("elsewhere/deploy").toString();

        LoadResult honoured = new ManifestLoader().load(work, List.of(named), EACH_PATH);
        LoadResult confined = new ManifestLoader().load(work, List.of(named));

        assertThat(honoured.diagnostics()).isEmpty();
        assertThat(honoured.objects()).singleElement()
                .satisfies(o -> assertThat(o.file()).isEqualTo(dir.toRealPath() + "/elsewhere/deploy/pod.yaml"));
        assertThat(codes(confined)).containsExactly("path-outside-root", "no-objects");
    }

    @Test
    void shouldMakeEachNamedDirectoryTheBoundaryOfItsLinks() throws IOException {
        write("repo/shared/pod.yaml", POD.formatted("shared"));
        write("repo/app/pod.yaml", POD.formatted("app"));
        Files.createSymbolicLink(dir.resolve("repo/app/shared"), dir.resolve("repo/shared"));

        LoadResult r = new ManifestLoader().load(dir, List.of("repo/app"), EACH_PATH);

        assertThat(r.objects()).extracting(o -> o.ref().name()).containsExactly("app");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("path-outside-root");
            assertThat(d.location().file()).isEqualTo("repo/app/shared");
            assertThat(d.message()).contains("links outside the walked directory repo/app");
        });
    }

    @Test
    void shouldTakeANamedChartFileOrKustomizationFileForItsDirectory() throws IOException {
        write("chart/Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n");
        write("app/kustomization.yaml", "resources: []\n");
        List<Diagnostic> problems = new ArrayList<>();

        InputWalker.InputSet set = new InputWalker(dir.toRealPath(), true, problems::add)
                .collect(List.of("chart/Chart.yaml", "app/kustomization.yaml", " "));

        assertThat(set.charts.values()).extracting(InputWalker.Entry::display, InputWalker.Entry::named)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("chart", true));
        assertThat(set.kustomizations.values()).extracting(InputWalker.Entry::display).containsExactly("app");
        assertThat(set.files).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldReportABrokenLinkToAManifestAndAMissingPath() throws IOException {
        write("tree/ok.yaml", POD.formatted("ok"));
        Files.createSymbolicLink(dir.resolve("tree/gone.yaml"), dir.resolve("nowhere.yaml"));
        Files.createSymbolicLink(dir.resolve("tree/gone.txt"), dir.resolve("nowhere.txt"));

        LoadResult r = new ManifestLoader().load(dir, List.of("tree", "missing"));

        assertThat(r.objects()).hasSize(1);
        assertThat(r.diagnostics()).extracting(Diagnostic::code, d -> d.location().file()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("input-unreadable", "tree/gone.yaml"),
                org.assertj.core.groups.Tuple.tuple("input-missing", "missing"));
    }

    @Test
    void shouldExpandAnAbsoluteGlobOnlyWhenNotConfined() throws IOException {
        write("elsewhere/a.yaml", POD.formatted("a"));
        Path work = Files.createDirectories(dir.resolve("work"));
        String glob = dir.toRealPath().resolve("elsewhere") + "/*.yaml";

        assertThat(new ManifestLoader().load(work, List.of(glob), EACH_PATH).objects()).hasSize(1);
        assertThat(codes(new ManifestLoader().load(work, List.of(glob)))).containsExactly("path-outside-root",
                "no-objects");
        assertThat(codes(new ManifestLoader().load(work, List.of("none/*.yaml")))).containsExactly("input-missing",
                "no-objects");
    }

    @Test
    void shouldExpandAGlobBelowItsFixedPrefix() throws IOException {
        write("k8s/app/pod.yaml", POD.formatted("app"));
        write("k8s/app/notes.txt", "not yaml");
        write("other/pod.yaml", POD.formatted("other"));

        LoadResult r = new ManifestLoader().load(dir, List.of("k8s/**/*.yaml"));

        assertThat(r.objects()).extracting(o -> o.ref().name()).containsExactly("app");
        assertThat(r.files()).containsExactly("k8s/app/pod.yaml");
    }
}
