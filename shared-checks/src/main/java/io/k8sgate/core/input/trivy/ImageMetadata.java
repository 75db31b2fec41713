package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The image identity a report's {@code Metadata} carries. */
record ImageMetadata(Optional<OsInfo> os, String imageId, List<String> repoTags, List<String> repoDigests) {
    static final ImageMetadata NONE = new ImageMetadata(Optional.empty(), "", List.of(), List.of());
    /** The fields of Trivy's {@code Metadata} the gate reads; the image configuration and layers are skipped. */
    static final ReportJson.Fields FIELDS = new ReportJson.Fields("OS", "ImageID", "RepoTags", "RepoDigests");
    private static final JsonShape OS = JsonShape.trivy().text("Family", "Name").bool("EOSL");

    ImageMetadata {
        repoTags = List.copyOf(repoTags);
        repoDigests = List.copyOf(repoDigests);
    }

    /** Reads a {@code Metadata} object (the stream stands at it; null is no metadata). */
    static ImageMetadata read(final ReportJson json) throws IOException {
        ImageMetadata m = NONE;
        if (!json.object()) {
            return m;
        }
        JsonParser p = json.parser();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = FIELDS.of(p.currentName());
            p.nextToken();
            m = m.with(field, json);
        }
        return m;
    }

    /**
     * The same metadata with one of its fields read from the stream; any other field is skipped. Also used for the
     * same fields at the top level of the transitional object format.
     */
    ImageMetadata with(final String field, final ReportJson json) throws IOException {
        return switch (field) {
            case "OS" -> new ImageMetadata(os(json), imageId, repoTags, repoDigests);
            case "ImageID" -> new ImageMetadata(os, json.string(), repoTags, repoDigests);
            case "RepoTags" -> new ImageMetadata(os, imageId, strings(json), repoDigests);
            case "RepoDigests" -> new ImageMetadata(os, imageId, repoTags, strings(json));
            default -> {
                json.skip();
                yield this;
            }
        };
    }

    /**
     * The base OS of an image: {@code {Family, Name, EOSL}} in Trivy's metadata, the same fields in lower case in a
     * Trivy-Operator report (which a shape of Trivy's reads alike).
     */
    static Optional<OsInfo> os(final ReportJson json) throws IOException {
        JsonShape.Values os = OS.read(json);
        String family = os.text("Family");
        return family.isEmpty() ? Optional.empty() : Optional.of(new OsInfo(Naming.osFamily(family), os.text("Name"),
                os.bool("EOSL")));
    }

    /** A list of strings (null, or null and empty elements, add nothing). */
    static List<String> strings(final ReportJson json) throws IOException {
        List<String> out = new ArrayList<>();
        if (!json.list()) {
            return out;
        }
        while (json.next() != JsonToken.END_ARRAY) {
            String s = json.string();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
