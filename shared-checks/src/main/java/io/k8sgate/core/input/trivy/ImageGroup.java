package io.k8sgate.core.input.trivy;

import io.k8sgate.core.input.ImageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The results of one image within a cluster-scan resource, or the results that belong to the resource rather than to
 * one known image (artifact empty, no metadata). Since Trivy 0.57 a workload with several containers is one resource
 * with a list of image metadata and the results of every image one after the other, each image starting with its OS
 * result; before, a resource held one image. The summary report puts the workload's configuration results first.
 *
 * <p>Results are given to an image only when that is certain: configuration results are the workload's; with several
 * images, results that no OS result precedes, and the language results of the images when some image has no OS result
 * (a Go binary on a scratch image, such as coredns), cannot be told apart and stay with the workload, so that their
 * findings are attached to it rather than to the wrong image or to none.
 */
record ImageGroup(String artifact, ImageMetadata meta, List<ScanResult> results) {
    ImageGroup {
        results = List.copyOf(results);
    }

    static List<ImageGroup> split(final List<ScanResult> results, final List<ImageMetadata> metas) {
        List<ScanResult> workload = new ArrayList<>();
        List<ScanResult> image = new ArrayList<>();
        for (ScanResult r : results) {
            (isWorkloadResult(r) ? workload : image).add(r);
        }
        List<ImageGroup> out = new ArrayList<>();
        if (metas.size() <= 1) {
            ImageMetadata meta = metas.isEmpty() ? ImageMetadata.NONE : metas.get(0);
            String artifact = Naming.imageFromTargets(image);
            String name = artifact.isEmpty() ? first(meta) : artifact;
            if (name.isEmpty() && meta.equals(ImageMetadata.NONE)) {
                workload.clear(); // nothing names the image: every result is the workload's, in its order
                workload.addAll(results);
            } else if (!image.isEmpty() || !meta.equals(ImageMetadata.NONE)) {
                out.add(new ImageGroup(name, meta, image));
            }
        } else {
            splitSeveral(image, metas, out, workload);
        }
        if (!workload.isEmpty()) {
            out.add(new ImageGroup("", ImageMetadata.NONE, workload));
        }
        return out;
    }

    /** Several images: each OS result starts the results of one image. */
    private static void splitSeveral(final List<ScanResult> image, final List<ImageMetadata> metas,
            final List<ImageGroup> out, final List<ScanResult> workload) {
        List<List<ScanResult>> groups = new ArrayList<>();
        List<ScanResult> current = null;
        for (ScanResult r : image) {
            if (r.isOsPackages()) {
                current = new ArrayList<>();
                groups.add(current);
            }
            (current == null ? workload : current).add(r);
        }
        boolean everyImageHasOs = groups.size() == metas.size();
        List<ImageMetadata> unused = new ArrayList<>(metas);
        for (int i = 0; i < groups.size(); i++) {
            List<ScanResult> g = groups.get(i);
            String artifact = Naming.imageFromTargets(g);
            ImageMetadata meta = matching(artifact, metas)
                    .orElse(everyImageHasOs ? metas.get(i) : ImageMetadata.NONE);
            unused.remove(meta);
            List<ScanResult> own = everyImageHasOs ? g : g.subList(0, 1);
            if (!everyImageHasOs) {
                workload.addAll(g.subList(1, g.size()));
            }
            out.add(new ImageGroup(artifact.isEmpty() ? first(meta) : artifact, meta, own));
        }
        for (ImageMetadata m : unused) {
            out.add(new ImageGroup(first(m), m, List.of()));
        }
    }

    /** Results about the workload's own configuration (the summary report lists them with the images'). */
    private static boolean isWorkloadResult(final ScanResult r) {
        return "config".equals(r.resultClass());
    }

    private static Optional<ImageMetadata> matching(final String artifact, final List<ImageMetadata> metas) {
        Optional<ImageRef> ref = ImageRef.parse(artifact);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        for (ImageMetadata m : metas) {
            List<String> names = new ArrayList<>(m.repoTags());
            names.addAll(m.repoDigests());
            if (names.stream().flatMap(n -> ImageRef.parse(n).stream()).anyMatch(n -> n.sameImage(ref.get()))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static String first(final ImageMetadata m) {
        return !m.repoTags().isEmpty() ? m.repoTags().get(0)
                : m.repoDigests().isEmpty() ? "" : m.repoDigests().get(0);
    }
}
