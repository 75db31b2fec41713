package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.EscalationPaths;
import io.k8sgate.core.rbac.RbacGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subject that reaches, in several steps, a risky permission it does not hold: for example create pods in a
 * namespace, run one as a service account of that namespace, and use that account's right to read every secret.
 */
public final class EscalationPathCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-019", "Privilege escalation path",
                    Severity.CRITICAL, Category.RBAC)
            .withText("The subject can become other identities (by creating pods that run as a service account, "
                            + "requesting its token, impersonating it, or exec into a pod that mounts it) and "
                            + "through them reach a permission that it was not given directly.",
                    "Break the first step of the path: remove pod creation, token requests, impersonation or exec "
                            + "from the subject, or move the powerful service account to a namespace the subject "
                            + "cannot create pods in.")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/"
                            + "#privilege-escalation-risks",
                    "https://kubernetes.io/docs/reference/access-authn-authz/rbac/"
                            + "#privilege-escalation-prevention-and-bootstrapping");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        RbacGraph graph = RbacFindings.graph(context);
        List<Finding> out = new ArrayList<>();
        for (EscalationPaths.Path path : EscalationPaths.find(graph)) {
            Map<String, String> props = new LinkedHashMap<>();
            props.put(FindingProperties.ESCALATION_PATH, path.property());
            props.put(RbacFindings.SUBJECT, path.start().display());
            props.put(RbacFindings.PERMISSION, path.goal());
            props.put(RbacFindings.BINDING, path.entry().binding().display());
            props.put(RbacFindings.ROLE, path.entry().role().display());
            out.add(finding(path.entry().binding().object(), RbacGraph.subjectNode(path.entry()),
                    path.start().display() + " can " + path.goal() + " in " + path.steps().size() + " steps: "
                            + path.describe())
                    .withSeverity(path.severity()).withProperties(props));
        }
        return out;
    }

}
