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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * An Ingress that serves plain HTTP: no {@code spec.tls} at all, or rule hosts that no TLS entry covers. A TLS entry
 * without {@code hosts} covers every host (the controller's default certificate), and a wildcard such as
 * {@code *.example.com} covers exactly one more label. The finding names the workloads of the inputs behind the
 * Services the Ingress routes to.
 */
public final class IngressTlsCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-NET-004", "Ingress without TLS", Severity.MEDIUM,
                    Category.EXPOSURE)
            .withText("Traffic to hosts an Ingress serves without TLS travels in clear text: credentials, session "
                    + "cookies and data can be read and changed on the way.",
                    "Add a spec.tls entry whose hosts list every rule host, with a certificate Secret (for "
                            + "instance issued by cert-manager).")
            .withReferences("https://kubernetes.io/docs/concepts/services-networking/ingress/#tls")
            .withEquivalent("polaris", "tlsSettingsMissing").withEquivalent("kubescape", "C-0263");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        ServiceBackends backends = ServiceBackends.of(context);
        return context.ofKind("Ingress").stream().flatMap(i -> check(i, backends.behindIngress(i))).toList();
    }

    private Stream<Finding> check(final K8sObject ingress, final List<ResourceRef> exposed) {
        YamlNode tls = ingress.root().path("spec", "tls");
        if (tls.size() == 0) {
            return Stream.of(ServiceBackends.exposing(this, ingress, tls, "Ingress '" + ingress.name()
                    + "' has no TLS section, so it serves its hosts over plain HTTP", exposed));
        }
        List<String> covered = new ArrayList<>();
        for (YamlNode entry : tls.elements()) {
            if (entry.get("hosts").size() == 0) {
                return Stream.empty();
            }
            entry.get("hosts").elements().forEach(h -> h.text().ifPresent(t -> covered.add(lower(t))));
        }
        return ingress.root().path("spec", "rules").elements().stream()
                .map(rule -> rule.get("host"))
                .filter(host -> host.text().filter(h -> !h.isBlank()).isPresent())
                .filter(host -> covered.stream().noneMatch(c -> covers(c, lower(host.text("")))))
                .map(host -> ServiceBackends.exposing(this, ingress, host, "Ingress '" + ingress.name()
                        + "' serves host '" + host.text("") + "' without TLS: no tls entry lists it", exposed));
    }

    static boolean covers(final String tlsHost, final String host) {
        if (tlsHost.equals(host)) {
            return true;
        }
        if (tlsHost.startsWith("*.")) {
            String suffix = tlsHost.substring(1);
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(suffix);
        }
        return false;
    }

    private static String lower(final String host) {
        return host.trim().toLowerCase(Locale.ROOT);
    }
}
