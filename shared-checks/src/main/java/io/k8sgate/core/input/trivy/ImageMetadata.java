package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The image identity a report's {@code Metadata} carries. */
record ImageMetadata(Optional<OsInfo> os, String imageId, List<String> repoTags, List<String> repoDigests) {
    static final ImageMetadata NONE = new ImageMetadata(Optional.empty(), "", List.of(), List.of());

    ImageMetadata {
        repoTags = List.copyOf(repoTags);
        repoDigests = List.copyOf(repoDigests);
    }

    static ImageMetadata of(final JsonNode m) {
        JsonNode os = m.path("OS");
        Optional<OsInfo> info = os.isObject() && !os.path("Family").asText("").isEmpty()
                ? Optional.of(new OsInfo(Naming.osFamily(os.path("Family").asText("")), os.path("Name").asText(""),
                        os.path("EOSL").asBoolean(false)))
                : Optional.empty();
        return new ImageMetadata(info, m.path("ImageID").asText(""), strings(m.path("RepoTags")),
                strings(m.path("RepoDigests")));
    }

    /** The same metadata with one top-level field of the transitional object format. */
    ImageMetadata merge(final String key, final JsonNode value) {
        return switch (key) {
            case "ImageID" -> new ImageMetadata(os, value.asText(""), repoTags, repoDigests);
            case "RepoTags" -> new ImageMetadata(os, imageId, strings(value), repoDigests);
            default -> new ImageMetadata(os, imageId, repoTags, strings(value));
        };
    }

    static List<String> strings(final JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> {
            if (e.isTextual() && !e.asText().isEmpty()) {
                out.add(e.asText());
            }
        });
        return out;
    }
}
