package io.k8sgate.core.check.exposure;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.ResourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The workloads of the inputs that an exposed Service or Ingress leads to, so an exposure finding names what is
 * exposed and not only the door. A Service sends traffic to the pods of its namespace whose labels contain every
 * pair of its {@code spec.selector}; a Service without a selector has hand-made endpoints and names no workload, and
 * an {@code ExternalName} Service is a DNS alias with no endpoints at all. An Ingress leads to the Services its
 * default backend and path backends name (both the {@code networking.k8s.io/v1} and the older {@code serviceName}
 * spellings), in its own namespace.
 */
public final class ServiceBackends {
    /**
     * The workloads that run containers, by namespace, each with its pod labels: namespace and labels are read from
     * the tree once per workload, and a Service looks only at the workloads of its own namespace, so matching is
     * linear in Services plus workloads for inputs spread over namespaces.
     */
    private final Map<String, List<Pod>> podsByNamespace;
    private final Map<String, List<K8sObject>> servicesByNamespace;

    /**
     * A workload with the labels of its pods, in input order.
     *
     * @param ref    the workload's reference
     * @param labels the labels of its pods
     */
    private record Pod(ResourceRef ref, Map<String, String> labels) {
    }

    private ServiceBackends(final CheckContext context) {
        Map<String, List<Pod>> pods = new HashMap<>();
        for (Workload w : context.workloads()) {
            if (w.runsContainers()) {
                pods.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(new Pod(w.ref(), w.podLabels()));
            }
        }
        this.podsByNamespace = pods;
        this.servicesByNamespace = Services.all(context).collect(Collectors.groupingBy(ServiceBackends::namespace));
    }

    /** The backends of the run, computed once per run and shared by the exposure checks. */
    public static ServiceBackends of(final CheckContext context) {
        return context.analysis(ServiceBackends.class, ServiceBackends::new);
    }

    /** True when the inputs hold at least one core Service, so they say where traffic goes. */
    public boolean anyService() {
        return !servicesByNamespace.isEmpty();
    }

    /** The Services of the inputs that send traffic to the workload's pods, in input order. */
    public List<K8sObject> servicesOf(final Workload workload) {
        return servicesByNamespace.getOrDefault(workload.namespace(), List.of()).stream()
                .filter(s -> selects(s, workload)).toList();
    }

    /** The workloads whose pods the Service selects, each once, in input order. */
    List<ResourceRef> behindService(final K8sObject service) {
        YamlNode spec = service.root().get("spec");
        Map<String, String> selector = K8sObject.strings(spec.get("selector"));
        if (selector.isEmpty() || "ExternalName".equals(spec.get("type").text(""))) {
            return List.of();
        }
        Set<ResourceRef> out = new LinkedHashSet<>();
        for (Pod pod : podsByNamespace.getOrDefault(namespace(service), List.of())) {
            if (pod.labels().entrySet().containsAll(selector.entrySet())) {
                out.add(pod.ref());
            }
        }
        return List.copyOf(out);
    }

    private static boolean selects(final K8sObject service, final Workload workload) {
        YamlNode spec = service.root().get("spec");
        Map<String, String> selector = K8sObject.strings(spec.get("selector"));
        return !selector.isEmpty() && !"ExternalName".equals(spec.get("type").text(""))
                && workload.podLabels().entrySet().containsAll(selector.entrySet());
    }

    /** The workloads behind every Service the Ingress routes to, each once. */
    List<ResourceRef> behindIngress(final K8sObject ingress) {
        Set<String> names = new LinkedHashSet<>();
        YamlNode spec = ingress.root().get("spec");
        addBackend(spec.get("defaultBackend"), names);
        addBackend(spec.get("backend"), names);
        for (YamlNode rule : spec.get("rules").elements()) {
            rule.path("http", "paths").elements().forEach(p -> addBackend(p.get("backend"), names));
        }
        Set<ResourceRef> out = new LinkedHashSet<>();
        for (K8sObject service : servicesByNamespace.getOrDefault(namespace(ingress), List.of())) {
            if (names.contains(service.name())) {
                out.addAll(behindService(service));
            }
        }
        return List.copyOf(out);
    }

    /**
     * A finding of {@code check} that names the workloads it exposes: what they are at the end of the message, and
     * their references in the {@link FindingProperties#WORKLOADS} property.
     */
    static Finding exposing(final Check check, final K8sObject object, final YamlNode at, final String message,
            final List<ResourceRef> exposed) {
        if (exposed.isEmpty()) {
            return check.finding(object, at, message);
        }
        String shown = exposed.stream().map(r -> r.kind() + " '" + r.name() + "'").collect(Collectors.joining(", "));
        return check.finding(object, at, message + "; it leads to " + shown)
                .withProperty(FindingProperties.WORKLOADS, exposed.stream().map(ResourceRef::display)
                        .collect(Collectors.joining(FindingProperties.SEPARATOR)));
    }

    private static void addBackend(final YamlNode backend, final Set<String> names) {
        backend.path("service", "name").text().ifPresent(names::add);
        backend.get("serviceName").text().ifPresent(names::add);
    }

    private static String namespace(final K8sObject object) {
        return object.namespace().isEmpty() ? "default" : object.namespace();
    }
}
