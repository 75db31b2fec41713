package io.k8sgate.core.check.exposure;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Service of type LoadBalancer reachable from any address: no {@code spec.loadBalancerSourceRanges} (nor the
 * older {@code service.beta.kubernetes.io/load-balancer-source-ranges} annotation), or a range that allows every
 * address. Load balancers the cloud provider makes internal by annotation are not internet-facing and pass.
 *
 * <p>A public frontend is the common case: an open load balancer is a warning (MEDIUM, under the default failure
 * threshold), and one its owners declare public with {@value #PUBLIC} {@code "true"} passes. One that serves a port
 * of remote administration or a data store (SSH, RDP, databases, caches, etcd, the kubelet, Docker) fails the build
 * (HIGH) whether declared public or not: such a port is never meant for the whole internet. The finding names the
 * workloads of the inputs behind the Service.
 */
public final class LoadBalancerSourceRangesCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-NET-002",
                    "LoadBalancer Service open to any address", Severity.MEDIUM, Category.EXPOSURE)
            .withText("A LoadBalancer Service without source ranges gets a public address that accepts "
                    + "connections from the whole internet. HIGH when it serves a port of remote administration "
                    + "or a data store (SSH, RDP, databases, caches, etcd, kubelet, Docker).",
                    "Set spec.loadBalancerSourceRanges to the client networks that need access, make the load "
                            + "balancer internal with your provider's annotation, or publish through an Ingress. "
                            + "A frontend meant for everyone: annotate the Service k8sgate.io/public: \"true\".")
            .withReferences("https://kubernetes.io/docs/tasks/access-application-cluster/"
                    + "create-external-load-balancer/#preserving-the-client-source-ip",
                    "https://kubernetes.io/docs/reference/networking/virtual-ips/")
            .withEquivalent("kube-linter", "exposed-services").withEquivalent("kubescape", "C-0256");

    /** The annotation that declares a load balancer public on purpose. */
    public static final String PUBLIC = "k8sgate.io/public";
    /** Ports never meant for the whole internet, with what usually serves them. */
    private static final Map<Long, String> SENSITIVE_PORTS = Map.ofEntries(Map.entry(22L, "SSH"),
            Map.entry(23L, "Telnet"), Map.entry(3389L, "RDP"), Map.entry(5900L, "VNC"),
            Map.entry(1433L, "SQL Server"), Map.entry(1521L, "Oracle"), Map.entry(3306L, "MySQL"),
            Map.entry(5432L, "PostgreSQL"), Map.entry(6379L, "Redis"), Map.entry(9042L, "Cassandra"),
            Map.entry(11211L, "Memcached"), Map.entry(27017L, "MongoDB"), Map.entry(9200L, "Elasticsearch"),
            Map.entry(2379L, "etcd"), Map.entry(2380L, "etcd"), Map.entry(10250L, "kubelet"),
            Map.entry(2375L, "Docker"), Map.entry(2376L, "Docker"));
    private static final String RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";
    private static final Set<String> ANY_ADDRESS = Set.of("0.0.0.0/0", "::/0");
    /** Provider annotations (and the values that make the load balancer internal). */
    private static final Map<String, Set<String>> INTERNAL = Map.of(
            "service.beta.kubernetes.io/aws-load-balancer-internal", Set.of("true", "0.0.0.0/0"),
            "service.beta.kubernetes.io/aws-load-balancer-scheme", Set.of("internal"),
            "service.beta.kubernetes.io/azure-load-balancer-internal", Set.of("true"),
            "networking.gke.io/load-balancer-type", Set.of("internal"),
            "cloud.google.com/load-balancer-type", Set.of("internal"),
            "service.beta.kubernetes.io/oci-load-balancer-internal", Set.of("true"),
            "service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type", Set.of("private"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        ServiceBackends backends = ServiceBackends.of(context);
        return Services.ofType(context, "LoadBalancer")
                .filter(s -> !isInternal(s))
                .flatMap(s -> {
                    List<String> sensitive = sensitivePorts(s);
                    if (sensitive.isEmpty()) {
                        return isDeclaredPublic(s) ? Stream.<Finding>empty() : check(s, "", backends);
                    }
                    return check(s, " (serves " + String.join(", ", sensitive) + ")", backends)
                            .map(f -> f.withSeverity(Severity.HIGH));
                })
                .toList();
    }

    private static boolean isDeclaredPublic(final K8sObject service) {
        return "true".equals(service.annotations().getOrDefault(PUBLIC, "").trim().toLowerCase(Locale.ROOT));
    }

    /** {@code 5432 (PostgreSQL)} for every port of the Service that is never meant for the whole internet. */
    private static List<String> sensitivePorts(final K8sObject service) {
        return service.root().path("spec", "ports").elements().stream()
                .map(p -> p.get("port").number())
                .filter(n -> n.isPresent() && SENSITIVE_PORTS.containsKey(n.getAsLong()))
                .map(n -> n.getAsLong() + " (" + SENSITIVE_PORTS.get(n.getAsLong()) + ")")
                .distinct().toList();
    }

    private Stream<Finding> check(final K8sObject service, final String ports, final ServiceBackends backends) {
        List<ResourceRef> exposed = backends.behindService(service);
        YamlNode ranges = service.root().path("spec", "loadBalancerSourceRanges");
        if (ranges.isPresent() && ranges.size() > 0) {
            return ranges.elements().stream()
                    .filter(r -> ANY_ADDRESS.contains(r.text("").trim()))
                    .map(r -> ServiceBackends.exposing(this, service, r, "LoadBalancer Service '"
                            + service.name() + "' allows source range " + r.text("").trim()
                            + ", that is every address" + ports, exposed));
        }
        YamlNode annotation = service.metadata().path("annotations", RANGES_ANNOTATION);
        if (annotation.isPresent()) {
            return Stream.of(annotation.text("").split(","))
                    .map(String::trim)
                    .filter(ANY_ADDRESS::contains)
                    .limit(1)
                    .map(r -> ServiceBackends.exposing(this, service, annotation, "LoadBalancer Service '"
                            + service.name() + "' allows source range " + r + ", that is every address" + ports,
                            exposed));
        }
        return Stream.of(ServiceBackends.exposing(this, service, ranges, "LoadBalancer Service '" + service.name()
                + "' sets no loadBalancerSourceRanges, so any address can connect" + ports, exposed));
    }

    private static boolean isInternal(final K8sObject service) {
        Map<String, String> annotations = service.annotations();
        return INTERNAL.entrySet().stream().anyMatch(e -> e.getValue()
                .contains(annotations.getOrDefault(e.getKey(), "").trim().toLowerCase(Locale.ROOT)));
    }
}
