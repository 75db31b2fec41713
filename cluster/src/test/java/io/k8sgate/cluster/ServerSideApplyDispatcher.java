package io.k8sgate.cluster;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CRUD mock server of fabric8 answers server-side apply with 415. This gives it the part of apply's semantics the
 * rollback relies on: a dry run changes nothing, a missing object is created, an existing one is merged.
 */
final class ServerSideApplyDispatcher extends KubernetesCrudDispatcher {
    @Override
    @SuppressWarnings("unchecked") // the bodies are JSON objects: maps of strings
    public MockResponse handlePatch(final RecordedRequest request) {
        String type = request.getHeader("Content-Type");
        if (type == null || !type.contains("apply-patch")) {
            return super.handlePatch(request);
        }
        String path = request.getPath();
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        String object = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        // apply bodies may be YAML; the CRUD handlers read JSON
        KubernetesSerialization serialization = new KubernetesSerialization();
        byte[] body = serialization.asJson(serialization.unmarshal(request.getBody().readUtf8(), Map.class))
                .getBytes(StandardCharsets.UTF_8);
        if (query.contains("dryRun=All")) {
            return new MockResponse().setResponseCode(200).setBody(body);
        }
        if (handleGet(object).code() == 404) {
            String collection = object.substring(0, object.lastIndexOf('/'));
            return handleCreate(copy(HttpMethod.POST, collection, "application/json", body));
        }
        Map<String, Object> merged = merge(serialization.unmarshal(handleGet(object).getBody().readUtf8(), Map.class),
                serialization.unmarshal(new String(body, StandardCharsets.UTF_8), Map.class));
        return handleUpdate(copy(HttpMethod.PUT, object, "application/json",
                serialization.asJson(merged).getBytes(StandardCharsets.UTF_8)));
    }

    /** JSON merge patch (RFC 7386): mappings merge, everything else is replaced. */
    @SuppressWarnings("unchecked") // JSON objects are maps of strings
    private static Map<String, Object> merge(final Map<String, Object> target, final Map<String, Object> patch) {
        Map<String, Object> result = new LinkedHashMap<>(target);
        patch.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m && result.get(k) instanceof Map<?, ?> t) {
                result.put(k, merge((Map<String, Object>) t, (Map<String, Object>) m));
            } else {
                result.put(k, v);
            }
        });
        return result;
    }

    private static RecordedRequest copy(final HttpMethod method, final String path, final String type,
            final byte[] body) {
        return new RecordedRequest(method + " " + path + " HTTP/1.1", method, path,
                Headers.builder().add("Content-Type", type).build(), new Buffer(body));
    }
}
