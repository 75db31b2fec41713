package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.CheckOverride.Item;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A hostPath volume that gives the pod the node's container runtime socket: the socket itself, or a directory that
 * contains it ({@code /var/run}, {@code /run/containerd}, ... up to {@code /}). Paths are normalised first, so
 * {@code /var/run/} and {@code /var//run/../run/docker.sock} are recognised too. The hostPath findings on the same
 * volume (K8S-WL-005 and K8S-WL-021, the latter also when K8S-WL-005 is off) give way to this one, which names them.
 */
public final class RuntimeSocketMountCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-063", "Container runtime socket mounted",
                    Severity.CRITICAL, Category.WORKLOAD)
            .withText("Whoever can talk to the container runtime socket (Docker, containerd, CRI-O, Podman) can "
                    + "start a privileged container on the node and so owns the node and every pod on it.",
                    "Remove the hostPath volume. Build images with a daemonless builder (Kaniko, BuildKit rootless, "
                            + "Buildah) and read container metadata from the Kubernetes API instead of the runtime.")
            .withCis("5.2.12")
            .withReferences("https://kubernetes.io/docs/concepts/storage/volumes/#hostpath")
            .withEquivalent("trivy", "KSV006").withEquivalent("checkov", "CKV_K8S_27")
            .withEquivalent("kube-linter", "docker-sock").withEquivalent("kubescape", "C-0074")
            .withOverride(HostPathVolumeCheck.METADATA.id(), Item.FIELD, "runtime-socket hostPath volume")
            .withOverride(RestrictedVolumeTypeCheck.METADATA.id(), Item.FIELD, "runtime-socket hostPath volume")
            .withObjectScope();

    private static final List<String> SOCKETS = List.of("/var/run/docker.sock", "/run/docker.sock",
            "/var/run/dockershim.sock", "/var/run/cri-dockerd.sock", "/run/cri-dockerd.sock",
            "/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock",
            "/run/k3s/containerd/containerd.sock", "/var/run/crio/crio.sock", "/run/crio/crio.sock",
            "/run/podman/podman.sock", "/var/run/podman/podman.sock");
    private static final List<String> WINDOWS_PIPES = List.of("\\\\.\\pipe\\docker_engine",
            "\\\\.\\pipe\\containerd-containerd");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return context.workloads().stream().flatMap(this::check).toList();
    }

    private Stream<Finding> check(final Workload workload) {
        return workload.podSpec().get("volumes").elements().stream()
                .flatMap(volume -> {
                    YamlNode path = volume.path("hostPath", "path");
                    return exposedSocket(path.text("")).stream().map(socket -> finding(workload.object(), path,
                            "Volume '" + volume.get("name").text("") + "' mounts host path '" + path.text("")
                                    + "', which exposes the container runtime socket " + socket));
                });
    }

    /** The runtime socket the host path gives access to, if any. */
    static Optional<String> exposedSocket(final String hostPath) {
        if (hostPath.isBlank()) {
            return Optional.empty();
        }
        String lower = hostPath.trim().toLowerCase(Locale.ROOT);
        Optional<String> pipe = WINDOWS_PIPES.stream().filter(p -> p.equals(lower)).findFirst();
        if (pipe.isPresent()) {
            return pipe;
        }
        String path = normalize(hostPath.trim());
        return SOCKETS.stream()
                .filter(s -> s.equals(path) || "/".equals(path) || s.startsWith(path + "/"))
                .findFirst();
    }

    private static String normalize(final String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || ".".equals(part)) {
                continue;
            }
            if ("..".equals(part)) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
