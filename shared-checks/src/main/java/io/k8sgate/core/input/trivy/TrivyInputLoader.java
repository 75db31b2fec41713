package io.k8sgate.core.input.trivy;

import io.k8sgate.core.input.InputException;
import io.k8sgate.core.input.MemoryBudget;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Loads the image inputs of a run: report files, ignore files and VEX documents, all named relative to the workspace
 * root and refused outside it. Problems become diagnostics that name the file and, when known, the line and column.
 */
public final class TrivyInputLoader {
    private final TrivyReportReader reader;

    /** A loader whose reports may take a share of this JVM's heap. */
    public TrivyInputLoader() {
        this(MemoryBudget.ofHeap());
    }

    /** A loader whose reports are paid for from {@code budget} (the run's, shared with the manifests). */
    public TrivyInputLoader(final MemoryBudget budget) {
        this.reader = new TrivyReportReader(budget);
    }

    /**
     * Loads everything.
     *
     * @param root        the workspace
     * @param reports     report files
     * @param ignoreFiles {@code .trivyignore} / {@code .trivyignore.yaml} files
     * @param vexFiles    OpenVEX documents
     * @param today       the day expiry is judged on
     * @param diagnostics receives problems
     */
    public TrivyReports load(final Path root, final List<String> reports, final List<String> ignoreFiles,
            final List<String> vexFiles, final LocalDate today, final Consumer<Diagnostic> diagnostics) {
        Path base = root.toAbsolutePath().normalize();
        List<TrivyDocument> docs = new ArrayList<>();
        for (String r : expandGlobs(base, reports, diagnostics)) {
            resolve(base, r, "trivy-report", diagnostics).ifPresent(p -> {
                try {
                    docs.add(reader.read(p, r));
                } catch (ReportException e) {
                    diagnostics.accept(Diagnostic.error("trivy-report", new Location(r, e.line(), e.column()),
                            "The report " + e.detail()));
                } catch (InputException e) {
                    String message = e.getMessage();
                    diagnostics.accept(Diagnostic.error("trivy-report", Location.ofFile(r), message.startsWith(r + ": ")
                            ? "The report " + message.substring(r.length() + 2) : message));
                }
            });
        }
        List<IgnoreRule> ignores = new ArrayList<>();
        for (String f : ignoreFiles) {
            text(base, f, "trivyignore", diagnostics).ifPresent(t -> ignores.addAll(new IgnoreFileReader()
                    .parse(f, t, diagnostics)));
        }
        for (IgnoreRule r : ignores) {
            if (!r.isActive(today)) {
                diagnostics.accept(Diagnostic.info("trivyignore-expired", r.origin(), "The ignore entry for " + r.id()
                        + " expired on " + r.expiresAt().orElseThrow() + " and no longer applies"));
            }
        }
        List<VexStatement> vex = new ArrayList<>();
        for (String f : vexFiles) {
            text(base, f, "vex", diagnostics).ifPresent(t -> vex.addAll(new OpenVexReader().parse(f, t,
                    diagnostics)));
        }
        return new TrivyReports(docs, ignores, vex, today);
    }

    /**
     * Report names as given, with glob patterns ({@code scans/**}{@code /*.json}) replaced by the matching files below
     * the root, sorted; a pattern that matches nothing is a warning (a scan step may legitimately produce none).
     */
    static List<String> expandGlobs(final Path base, final List<String> names,
            final Consumer<Diagnostic> diagnostics) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (name.chars().noneMatch(c -> c == '*' || c == '?' || c == '[' || c == '{')) {
                out.add(name);
                continue;
            }
            java.nio.file.PathMatcher matcher = base.getFileSystem().getPathMatcher("glob:" + name.replace('\\',
                    '/'));
            List<String> matched = new ArrayList<>();
            try (java.util.stream.Stream<Path> files = Files.walk(base)) {
                files.filter(Files::isRegularFile).map(base::relativize).filter(matcher::matches)
                        .map(rel -> rel.toString().replace('\\', '/')).sorted().forEach(matched::add);
            } catch (IOException e) {
                diagnostics.accept(Diagnostic.error("trivy-report", Location.ofFile(name), "Cannot expand the "
                        + "pattern: " + e));
            }
            if (matched.isEmpty()) {
                diagnostics.accept(Diagnostic.warning("trivy-report", Location.ofFile(name),
                        "The pattern matched no scan report"));
            }
            out.addAll(matched);
        }
        return out;
    }

    private static Optional<String> text(final Path base, final String name, final String code,
            final Consumer<Diagnostic> diagnostics) {
        Optional<Path> p = resolve(base, name, code, diagnostics);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(p.get(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            diagnostics.accept(Diagnostic.error(code, Location.ofFile(name), "Cannot read the file: " + e));
            return Optional.empty();
        }
    }

    private static Optional<Path> resolve(final Path base, final String name, final String code,
            final Consumer<Diagnostic> diagnostics) {
        Path p = base.resolve(name).normalize();
        if (!p.startsWith(base)) {
            diagnostics.accept(Diagnostic.error(code, Location.ofFile(name), "The file is outside the workspace root "
                    + base + " and was refused"));
            return Optional.empty();
        }
        if (!Files.isRegularFile(p)) {
            diagnostics.accept(Diagnostic.error(code, Location.ofFile(name), "The file does not exist"));
            return Optional.empty();
        }
        try {
            if (!p.toRealPath().startsWith(base.toRealPath())) {
                diagnostics.accept(Diagnostic.error(code, Location.ofFile(name), "The file links outside the "
                        + "workspace root and was refused"));
                return Optional.empty();
            }
        } catch (IOException e) {
            diagnostics.accept(Diagnostic.error(code, Location.ofFile(name), "Cannot read the file: " + e));
            return Optional.empty();
        }
        return Optional.of(p);
    }
}
