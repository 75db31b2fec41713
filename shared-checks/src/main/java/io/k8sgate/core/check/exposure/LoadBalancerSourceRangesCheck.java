package io.k8sgate.core.check.exposure;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
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
 */
public final class LoadBalancerSourceRangesCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-NET-002",
                    "LoadBalancer Service open to any address", Severity.HIGH, Category.EXPOSURE)
            .withText("A LoadBalancer Service without source ranges gets a public address that accepts "
                    + "connections from the whole internet.",
                    "Set spec.loadBalancerSourceRanges to the client networks that need access, make the load "
                            + "balancer internal with your provider's annotation, or publish through an Ingress.")
            .withReferences("https://kubernetes.io/docs/tasks/access-application-cluster/"
                    + "create-external-load-balancer/#preserving-the-client-source-ip",
                    "https://kubernetes.io/docs/reference/networking/virtual-ips/")
            .withEquivalent("kube-linter", "exposed-services").withEquivalent("kubescape", "C-0256")
            .withObjectScope();

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
        return Services.ofType(context, "LoadBalancer")
                .filter(s -> !isInternal(s))
                .flatMap(this::check)
                .toList();
    }

    private Stream<Finding> check(final K8sObject service) {
        YamlNode ranges = service.root().path("spec", "loadBalancerSourceRanges");
        if (ranges.isPresent() && ranges.size() > 0) {
            return ranges.elements().stream()
                    .filter(r -> ANY_ADDRESS.contains(r.text("").trim()))
                    .map(r -> finding(service, r, "LoadBalancer Service '" + service.name()
                            + "' allows source range " + r.text("").trim() + ", that is every address"));
        }
        YamlNode annotation = service.metadata().path("annotations", RANGES_ANNOTATION);
        if (annotation.isPresent()) {
            return Stream.of(annotation.text("").split(","))
                    .map(String::trim)
                    .filter(ANY_ADDRESS::contains)
                    .limit(1)
                    .map(r -> finding(service, annotation, "LoadBalancer Service '" + service.name()
                            + "' allows source range " + r + ", that is every address"));
        }
        return Stream.of(finding(service, ranges, "LoadBalancer Service '" + service.name()
                + "' sets no loadBalancerSourceRanges, so any address can connect"));
    }

    private static boolean isInternal(final K8sObject service) {
        Map<String, String> annotations = service.annotations();
        return INTERNAL.entrySet().stream().anyMatch(e -> e.getValue()
                .contains(annotations.getOrDefault(e.getKey(), "").trim().toLowerCase(Locale.ROOT)));
    }
}
