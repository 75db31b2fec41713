package io.k8sgate.core.check.image;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.ImageRef;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.trivy.ScanReport;
import io.k8sgate.core.input.trivy.TrivyReports;
import io.k8sgate.core.input.trivy.WorkloadRef;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Location;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which images the manifests run, in which containers, and which scan reports describe each of them. Computed once per
 * run and shared by the image checks. Spellings of one image ({@code nginx}, {@code docker.io/library/nginx:latest})
 * are one image.
 *
 * <p>A cluster scan's report that names a workload but no image (results of a Go binary on a scratch image, a
 * Trivy-Operator report without an artifact, a configuration audit) belongs to the object of the manifests it names:
 * to that workload's image when it runs one image, else to the workload itself ({@link #workloadReports()}).
 */
public final class ImageUsage {
    private static final Pattern REPLICA_SET = Pattern.compile("(.+)-[a-z0-9]{1,10}");
    private static final Pattern CRON_JOB_RUN = Pattern.compile("(.+)-[0-9]{1,12}");

    private final Map<ImageRef, List<Container>> containers;
    private final Map<ImageRef, List<ScanReport>> reports;
    private final List<ScanReport> unused;
    private final Optional<TrivyReports> attached;
    private final Map<ImageRef, String> digests;
    private final Map<ScanReport, K8sObject> objects;
    private final List<WorkloadReport> severalImages;

    private ImageUsage(final Map<ImageRef, List<Container>> containers, final Map<ImageRef, List<ScanReport>> reports,
            final List<ScanReport> unused, final Optional<TrivyReports> attached, final Map<ImageRef, String> digests,
            final Map<ScanReport, K8sObject> objects, final List<WorkloadReport> severalImages) {
        this.digests = digests;
        this.containers = containers;
        this.reports = reports;
        this.unused = unused;
        this.attached = attached;
        this.objects = objects;
        this.severalImages = severalImages;
    }

    /** The usage of the context's images (computed once per run). */
    public static ImageUsage of(final CheckContext context) {
        return context.analysis(ImageUsage.class, ImageUsage::compute);
    }

    private static ImageUsage compute(final CheckContext context) {
        Optional<TrivyReports> trivy = context.attachment(TrivyReports.class);
        List<ScanReport> imageReports = trivy.map(t -> t.reports().filter(ScanReport::isImage).toList())
                .orElse(List.of());
        Map<ImageRef, List<Container>> byImage = new LinkedHashMap<>();
        Map<String, ImageRef> representative = new LinkedHashMap<>();
        Map<ImageRef, String> digests = new LinkedHashMap<>();
        context.containers().forEach(c -> ImageRef.parse(c.image()).ifPresent(ref -> {
            // one image per content: a digest (written, or known from a report of the tag) names it whatever the tag
            String identity = identity(ref, imageReports);
            ImageRef image = representative.computeIfAbsent(identity, k -> ref);
            int at = identity.indexOf('@');
            if (at > 0) {
                digests.putIfAbsent(image, identity.substring(at + 1));
            }
            byImage.computeIfAbsent(image, k -> new ArrayList<>()).add(c);
        }));
        Map<ImageRef, List<ScanReport>> matched = new LinkedHashMap<>();
        List<ScanReport> unused = new ArrayList<>();
        IdentityHashMap<ScanReport, K8sObject> objects = new IdentityHashMap<>();
        List<WorkloadReport> severalImages = new ArrayList<>();
        trivy.ifPresent(t -> t.reports().filter(r -> !r.isImage() && r.workload().isPresent()).forEach(r -> {
            Optional<K8sObject> object = object(context, r.workload().orElseThrow());
            if (object.isEmpty()) {
                if (r.vulnerabilities().findAny().isPresent()) {
                    unused.add(r);
                }
                return;
            }
            objects.put(r, object.get());
            Optional<Workload> workload = Workload.of(object.get());
            if (workload.isEmpty() || r.vulnerabilities().findAny().isEmpty()) {
                return;
            }
            List<ImageRef> runs = workload.get().containers().stream()
                    .flatMap(c -> ImageRef.parse(c.image()).stream())
                    .map(ref -> representative.getOrDefault(identity(ref, imageReports), ref)).distinct().toList();
            if (runs.size() == 1) {
                matched.computeIfAbsent(runs.get(0), k -> new ArrayList<>()).add(r);
            } else {
                severalImages.add(new WorkloadReport(r, workload.get()));
            }
        }));
        for (ScanReport report : imageReports) {
            List<ImageRef> names = names(report);
            boolean used = false;
            for (ImageRef image : byImage.keySet()) {
                if (image.matchesAny(names)) {
                    matched.computeIfAbsent(image, k -> new ArrayList<>()).add(report);
                    used = true;
                }
            }
            if (!used) {
                unused.add(report);
            }
        }
        return new ImageUsage(byImage, matched, unused, trivy, digests, objects, severalImages);
    }

    /**
     * The object of the manifests a cluster scan names: the same kind, name and namespace (an object that sets no
     * namespace matches any), or the Deployment of a ReplicaSet and the CronJob of a Job, which Trivy-Operator scans
     * in their place.
     */
    static Optional<K8sObject> object(final CheckContext context, final WorkloadRef ref) {
        List<String[]> candidates = new ArrayList<>();
        candidates.add(new String[] {ref.kind(), ref.name()});
        Matcher rs = REPLICA_SET.matcher(ref.name());
        if ("ReplicaSet".equals(ref.kind()) && rs.matches()) {
            candidates.add(new String[] {"Deployment", rs.group(1)});
        }
        Matcher job = CRON_JOB_RUN.matcher(ref.name());
        if ("Job".equals(ref.kind()) && job.matches()) {
            candidates.add(new String[] {"CronJob", job.group(1)});
        }
        for (String[] c : candidates) {
            for (K8sObject o : context.ofKind(c[0])) {
                if (o.name().equals(c[1]) && (o.namespace().isEmpty() || ref.namespace().isEmpty()
                        || o.namespace().equals(ref.namespace()))) {
                    return Optional.of(o);
                }
            }
        }
        return Optional.empty();
    }

    /** The object of the manifests a cluster scan's report without an image names, if the manifests hold it. */
    public Optional<K8sObject> objectOf(final ScanReport report) {
        return Optional.ofNullable(objects.get(report));
    }

    /**
     * Reports with vulnerabilities that name a workload of the manifests but no image, where the workload runs several
     * images: which one holds the vulnerable package is not known, so they belong to the workload.
     */
    public List<WorkloadReport> workloadReports() {
        return severalImages;
    }

    /**
     * A report that belongs to a workload of the manifests rather than to one of its images.
     *
     * @param report   the report
     * @param workload the workload it names
     */
    public record WorkloadReport(ScanReport report, Workload workload) {
    }

    private static String identity(final ImageRef ref, final List<ScanReport> reports) {
        if (ref.isPinned()) {
            return ref.name() + "@" + ref.digest();
        }
        for (ScanReport r : reports) {
            List<ImageRef> names = names(r);
            if (ref.matchesAny(names)) {
                Optional<ImageRef> pinned = names.stream().filter(n -> n.isPinned() && n.name().equals(ref.name()))
                        .findFirst();
                if (pinned.isPresent()) {
                    return ref.name() + "@" + pinned.get().digest();
                }
            }
        }
        return ref.canonical();
    }

    /** Every name a report gives its image: the artifact name, tags and digests. */
    static List<ImageRef> names(final ScanReport report) {
        return Stream.concat(Stream.of(report.artifactName()), Stream.concat(report.repoTags().stream(),
                report.repoDigests().stream())).flatMap(n -> ImageRef.parse(n).stream()).distinct().toList();
    }

    /** Every image the manifests run, with its containers, in input order. */
    public Map<ImageRef, List<Container>> images() {
        return containers;
    }

    /** The reports describing an image, empty when none does. */
    public List<ScanReport> reportsFor(final ImageRef image) {
        return reports.getOrDefault(image, List.of());
    }

    /** The deployed images a report describes (none for a report of an unused image or of files). */
    public List<ImageRef> imagesOf(final ScanReport report) {
        if (!report.isImage()) {
            return List.of();
        }
        List<ImageRef> names = names(report);
        return containers.keySet().stream().filter(i -> i.matchesAny(names)).toList();
    }

    /** The image with its digest: as written, or as a report of its tag gives it. */
    public ImageRef pinned(final ImageRef image) {
        String digest = digests.getOrDefault(image, image.digest());
        return new ImageRef(image.registry(), image.repository(), image.tag(), digest);
    }

    /** The containers that run an image. */
    public List<Container> containersOf(final ImageRef image) {
        return containers.getOrDefault(image, List.of());
    }

    /** The scan reports and suppressions of the run, when reports were given. */
    public Optional<TrivyReports> trivy() {
        return attached;
    }

    /** Notes for the reader: reports of images no manifest runs, and images a cluster scan could not scan. */
    public List<Diagnostic> notes() {
        List<Diagnostic> out = new ArrayList<>();
        for (ScanReport r : unused) {
            if (!r.isImage()) {
                out.add(Diagnostic.info("trivy-report-unused", Location.ofFile(r.file()), "The cluster scan's "
                        + r.vulnerabilities().count() + " vulnerabilities of " + r.workload().orElseThrow().display()
                        + " (in results that name no image) match no object in the manifests"));
                continue;
            }
            out.add(Diagnostic.info("trivy-report-unused", Location.ofFile(r.file()), "The report of image "
                    + (r.artifactName().isEmpty() ? "(unnamed)" : r.artifactName()) + " matches no container in the "
                    + "manifests" + r.workload().map(w -> " (" + w.display() + " in the cluster scan)").orElse("")));
        }
        attached.ifPresent(t -> t.reports().filter(r -> r.error().isPresent()).forEach(r -> out.add(
                Diagnostic.warning("trivy-scan-error", Location.ofFile(r.file()), "The scanner could not scan "
                        + r.workload().map(w -> "the images of " + w.display()).orElse(r.artifactName()) + ": "
                        + firstLine(r.error().orElseThrow())))));
        return out;
    }

    private static String firstLine(final String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
