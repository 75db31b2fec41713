package io.k8sgate.core.check.admission;

import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.YamlNode;
import java.util.List;
import java.util.Optional;

/**
 * A ValidatingAdmissionPolicyBinding, read.
 *
 * @param name              its name
 * @param object            the object it was read from
 * @param policyName        the policy it binds
 * @param paramRef          where its params come from, if anywhere
 * @param matchResources    a further restriction of what it applies to, if any
 * @param validationActions what a violation does: Deny, Warn, Audit
 */
record AdmissionBinding(String name, K8sObject object, String policyName, Optional<ParamRef> paramRef,
        Optional<MatchResources> matchResources, List<String> validationActions) {
    AdmissionBinding {
        validationActions = List.copyOf(validationActions);
    }

    /** True when a violation denies the request; otherwise it only warns or is audited. */
    boolean denies() {
        return validationActions.contains("Deny");
    }

    /**
     * Where params come from.
     *
     * @param name         one object by name
     * @param namespace    the namespace to look in (namespaced param kinds); empty for the request's
     * @param selector     every object its labels select, when no name is given
     * @param denyNotFound {@code parameterNotFoundAction: Deny}
     */
    record ParamRef(String name, String namespace, YamlNode selector, boolean denyNotFound) {
    }
}
