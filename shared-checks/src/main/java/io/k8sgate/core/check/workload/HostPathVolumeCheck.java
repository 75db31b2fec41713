package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.CheckOverride.Item;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * PSS Baseline "HostPath Volumes": no entry of {@code spec.volumes} may use {@code hostPath}, whatever the path or
 * the mount mode. One finding per volume, at its {@code hostPath} key. The Restricted volume-type control,
 * K8S-WL-021, rejects hostPath too, as every other non-core source: its finding on the same volume gives way to this
 * one, which names it (the admission controller's Restricted check likewise replaces the Baseline one).
 */
public final class HostPathVolumeCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-005", "HostPath volume", Severity.HIGH,
                    Category.WORKLOAD)
            .withText("A hostPath volume exposes the node's file system to the pod: it can read credentials, "
                    + "container runtime sockets or logs of other pods, and write where the node trusts the content.",
                    "Replace the hostPath volume with a persistentVolumeClaim, configMap, secret, emptyDir or CSI "
                            + "volume; node agents that need the host's files belong in a separately exempted "
                            + "namespace.")
            .withPss(PssLevel.BASELINE).withCis("5.2.12")
            .withReferences(PodSecurity.BASELINE_URL)
            .withEquivalent("trivy", "KSV023").withEquivalent("polaris", "hostPathSet")
            .withEquivalent("kubescape", "C-0048")
            .withOverride(RestrictedVolumeTypeCheck.METADATA.id(), Item.FIELD, "hostPath volume")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        List<Finding> found = new ArrayList<>();
        for (Workload w : context.workloads()) {
            for (YamlNode volume : w.podSpec().get("volumes").elements()) {
                YamlNode hostPath = volume.get("hostPath");
                if (hostPath.isPresent()) {
                    found.add(finding(w.object(), hostPath, "Volume '" + volume.get("name").text("")
                            + "' mounts the node's path " + PodSecurity.value(hostPath.get("path"))));
                }
            }
        }
        return found;
    }
}
