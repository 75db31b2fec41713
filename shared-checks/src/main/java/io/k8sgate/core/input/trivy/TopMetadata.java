package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lower-case {@code metadata} object at the top of a file, whose meaning depends on a format known only once the
 * whole file is read: a Kubernetes object's metadata (Trivy-Operator: namespace and labels), a CycloneDX BOM's
 * metadata (its subject component), or, written in another case, a Trivy report's {@code Metadata}. It is read once,
 * as a stream, keeping what each of them uses.
 */
final class TopMetadata {
    static final TopMetadata NONE = new TopMetadata();
    private static final JsonShape COMPONENT = JsonShape.exact().text("name", "type")
            .custom("properties", CycloneDx::propertyList);

    private String namespace = "";
    private Map<String, String> labels = Map.of();
    private Component component = Component.NONE;
    private ImageMetadata image = ImageMetadata.NONE;

    /**
     * A CycloneDX BOM's subject.
     *
     * @param name        the component's name
     * @param type        its type ({@code container} for an image)
     * @param repoTags    the tags Trivy records in its properties
     * @param repoDigests the digests Trivy records in its properties
     */
    record Component(String name, String type, List<String> repoTags, List<String> repoDigests) {
        static final Component NONE = new Component("", "", List.of(), List.of());

        Component {
            repoTags = List.copyOf(repoTags);
            repoDigests = List.copyOf(repoDigests);
        }
    }

    String namespace() {
        return namespace;
    }

    Map<String, String> labels() {
        return labels;
    }

    Component component() {
        return component;
    }

    ImageMetadata image() {
        return image;
    }

    /** Reads the object the stream stands at (null reads as no metadata). */
    static TopMetadata read(final ReportJson json) throws IOException {
        TopMetadata m = new TopMetadata();
        if (!json.object()) {
            return m;
        }
        JsonParser p = json.parser();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "namespace" -> m.namespace = json.string();
                case "labels" -> m.labels = labels(json);
                case "component" -> m.component = component(json);
                default -> {
                    String field = ImageMetadata.FIELDS.of(key);
                    m.image = m.image.with(field, json);
                }
            }
        }
        return m;
    }

    /** Kubernetes labels: a mapping of strings to strings. */
    static Map<String, String> labels(final ReportJson json) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!json.object()) {
            return out;
        }
        JsonParser p = json.parser();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            out.put(key, json.string());
        }
        return out;
    }

    @SuppressWarnings("unchecked") // the properties are read as name-value pairs
    private static Component component(final ReportJson json) throws IOException {
        JsonShape.Values c = COMPONENT.read(json);
        List<String[]> properties = c.custom("properties", List.class).map(l -> (List<String[]>) l).orElse(List.of());
        return new Component(c.text("name"), c.text("type"), values(properties, "aquasecurity:trivy:RepoTag"),
                values(properties, "aquasecurity:trivy:RepoDigest"));
    }

    private static List<String> values(final List<String[]> properties, final String name) {
        return properties.stream().filter(p -> name.equals(p[0])).map(p -> p[1]).toList();
    }
}
