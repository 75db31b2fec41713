package io.k8sgate.core.check.image;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the image checks say about the containers that run an image. */
final class ImageContext {
    private ImageContext() {
    }

    /** The settings attached to the context, or the defaults. */
    static ImageSettings settings(final CheckContext context) {
        return context.attachment(ImageSettings.class).orElse(ImageSettings.DEFAULT);
    }

    /** {@code Deployment/shop/web [app]}, one per container, in order. */
    static List<String> deployments(final List<Container> containers) {
        Set<String> out = new LinkedHashSet<>();
        containers.forEach(c -> out.add(c.workload().ref().display() + " [" + c.name() + "]"));
        return List.copyOf(out);
    }

    /** The reasons the workloads make a compromise of the image worse, empty when none. */
    static List<String> escalation(final CheckContext context, final List<Container> containers) {
        Set<String> reasons = new LinkedHashSet<>();
        Optional<WorkloadRisk> risk = context.attachment(WorkloadRisk.class);
        for (Container c : containers) {
            Workload w = c.workload();
            String who = w.ref().display() + " [" + c.name() + "]";
            if (c.setting("privileged").isTrue()) {
                reasons.add(who + " is privileged");
            }
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (w.podField(host).isTrue()) {
                    reasons.add(w.ref().display() + " uses " + host);
                }
            }
            risk.flatMap(r -> r.riskOf(w)).ifPresent(r -> reasons.add(w.ref().display() + ": " + r));
        }
        return new ArrayList<>(reasons);
    }

    /** One level more severe, INFO staying INFO (it never gates, on purpose). */
    static Severity raise(final Severity s) {
        return s == Severity.INFO || s == Severity.CRITICAL ? s : Severity.values()[s.ordinal() - 1];
    }

    static String join(final List<String> items) {
        return items.stream().collect(Collectors.joining(", "));
    }
}
