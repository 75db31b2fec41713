package io.k8sgate.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/** fabric8's CRUD mock API server (with apply support) started with the objects of a manifest file. */
public final class MockCluster implements AutoCloseable {
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    /** Starts the server and creates every object of {@code manifests} in it. */
    public MockCluster(final Path manifests) throws IOException {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new ServerSideApplyDispatcher(), false);
        server.init();
        client = server.createClient();
        try (InputStream in = Files.newInputStream(manifests)) {
            for (HasMetadata item : client.load(in).items()) {
                client.resource(item).create();
            }
        }
    }

    /** The server, for its recorded requests. */
    public KubernetesMockServer server() {
        return server;
    }

    /** A client of the server. */
    public KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
