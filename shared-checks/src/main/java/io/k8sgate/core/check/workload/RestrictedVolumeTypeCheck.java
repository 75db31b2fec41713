package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PSS Restricted "Volume Types": every entry of {@code spec.volumes} must use one of the core sources (configMap,
 * csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret). Anything else (hostPath,
 * nfs, gitRepo, in-tree cloud disks, flexVolume, ...) is reported at the source's key, one finding per volume. A
 * volume with no source at all is left alone: the API server defaults it to emptyDir.
 */
public final class RestrictedVolumeTypeCheck implements Check {
    /** The volume sources the Restricted profile allows. */
    static final Set<String> ALLOWED = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image",
            "persistentVolumeClaim", "projected", "secret");

    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-021", "Volume type outside the restricted set",
                    Severity.MEDIUM, Category.WORKLOAD)
            .withText("Volume sources other than the core ones reach node paths (hostPath), let the pod choose "
                    + "network storage servers and credentials itself (nfs, iscsi, rbd, cephfs, ...), or run "
                    + "drivers on the node (flexVolume, gitRepo); storage should come through "
                    + "PersistentVolumeClaims that an administrator controls.",
                    "Use a persistentVolumeClaim (or csi, ephemeral, configMap, secret, projected, downwardAPI, "
                            + "emptyDir, image) instead of the inline volume source.")
            .withPss(PssLevel.RESTRICTED)
            .withReferences(PodSecurity.RESTRICTED_URL)
            .withEquivalent("trivy", "KSV028")
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
                for (Map.Entry<String, YamlNode> e : volume.entries().entrySet()) {
                    if (!"name".equals(e.getKey()) && e.getValue().isPresent() && !ALLOWED.contains(e.getKey())) {
                        found.add(finding(w.object(), e.getValue(), "Volume '" + volume.get("name").text("")
                                + "' uses the " + e.getKey() + " volume type"));
                    }
                }
            }
        }
        return found;
    }
}
