package io.k8sgate.core.input.trivy;

import io.k8sgate.core.input.ImageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The results of one image within a cluster-scan resource. Since Trivy 0.57 a workload with several containers is one
 * resource with a list of image metadata and the results of every image one after the other, each image starting with
 * its OS result; before, a resource held one image.
 */
record ImageGroup(String artifact, ImageMetadata meta, List<ScanResult> results) {
    ImageGroup {
        results = List.copyOf(results);
    }

    static List<ImageGroup> split(final List<ScanResult> results, final List<ImageMetadata> metas) {
        List<List<ScanResult>> groups = new ArrayList<>();
        List<ScanResult> current = new ArrayList<>();
        for (ScanResult r : results) {
            if (r.isOsPackages() && !current.isEmpty() && metas.size() > 1) {
                groups.add(current);
                current = new ArrayList<>();
            }
            current.add(r);
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        List<ImageGroup> out = new ArrayList<>();
        if (groups.isEmpty()) {
            for (ImageMetadata m : metas) {
                out.add(new ImageGroup(first(m), m, List.of()));
            }
            return out;
        }
        for (int i = 0; i < groups.size(); i++) {
            List<ScanResult> g = groups.get(i);
            String artifact = Naming.imageFromTargets(g);
            ImageMetadata meta = matching(artifact, metas)
                    .orElse(groups.size() == metas.size() ? metas.get(i) : metas.isEmpty() ? ImageMetadata.NONE
                            : metas.get(0));
            out.add(new ImageGroup(artifact.isEmpty() ? first(meta) : artifact, meta, g));
        }
        return out;
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
