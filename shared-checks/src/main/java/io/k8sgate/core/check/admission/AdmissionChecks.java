package io.k8sgate.core.check.admission;

import io.k8sgate.core.cel.CostLimits;
import io.k8sgate.core.cel.RunObjects;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.RunNotes;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.SourceMap;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.RuleIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the ValidatingAdmissionPolicies and bindings of a run and makes each policy a check, {@code VAP-<name>}.
 */
public final class AdmissionChecks {
    /** Where the Kubernetes documentation explains ValidatingAdmissionPolicies. */
    public static final String DOCUMENTATION =
            "https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/";
    private static final String GROUP = "admissionregistration.k8s.io";

    private AdmissionChecks() {
    }

    /** True when the objects hold a ValidatingAdmissionPolicy or a binding (a look at kinds only). */
    public static boolean present(final List<K8sObject> objects) {
        for (K8sObject o : objects) {
            if (isPolicy(o) || isBinding(o)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The checks of the policies among the inputs and the policy objects.
     *
     * @param inputs        the objects checked (policies and params among them are used too)
     * @param policyObjects objects read only as policies, bindings and params (a directory of admission policies)
     * @param run           the run's objects as the API server sees them
     * @param sources       the text of an input file by its name, to place compile errors at their column
     * @param notes         receives what the checks have to say while they run
     * @param problems      receives policies and bindings the API server would refuse
     */
    public static List<Check> forRun(final List<K8sObject> inputs, final List<K8sObject> policyObjects,
            final RunObjects run, final Function<String, Optional<String>> sources, final RunNotes notes,
            final List<Diagnostic> problems) {
        return forRun(inputs, policyObjects, run, sources, SourceMap.EMPTY, notes, problems, CostLimits.KUBERNETES);
    }

    /**
     * As {@link #forRun(List, List, RunObjects, Function, RunNotes, List)}, citing the places of rendered policies in
     * messages as {@code rendered} leads them back to their template, base or patch file.
     */
    public static List<Check> forRun(final List<K8sObject> inputs, final List<K8sObject> policyObjects,
            final RunObjects run, final Function<String, Optional<String>> sources, final SourceMap rendered,
            final RunNotes notes, final List<Diagnostic> problems) {
        return forRun(inputs, policyObjects, run, sources, rendered, notes, problems, CostLimits.KUBERNETES);
    }

    /** As {@link #forRun(List, List, RunObjects, Function, SourceMap, RunNotes, List)}, under other cost limits. */
    static List<Check> forRun(final List<K8sObject> inputs, final List<K8sObject> policyObjects,
            final RunObjects run, final Function<String, Optional<String>> sources, final SourceMap rendered,
            final RunNotes notes, final List<Diagnostic> problems, final CostLimits limits) {
        List<K8sObject> all = new ArrayList<>(inputs);
        all.addAll(policyObjects);
        AdmissionReader reader = new AdmissionReader(sources, problems);
        Map<String, AdmissionPolicy> policies = new LinkedHashMap<>();
        java.util.Set<String> refused = new java.util.HashSet<>();
        List<AdmissionBinding> bindings = new ArrayList<>();
        for (K8sObject o : all) {
            if (isPolicy(o)) {
                if (!o.name().isEmpty() && !RuleIds.isAdmission(RuleIds.admission(o.name()))) {
                    problems.add(Diagnostic.error("admission-policy-invalid", o.location(), "ValidatingAdmission"
                            + "Policy '" + o.name() + "': metadata.name must be a lower-case DNS subdomain"));
                    continue;
                }
                if (policies.containsKey(o.name())) {
                    problems.add(Diagnostic.error("admission-policy-invalid", o.location(), "ValidatingAdmission"
                            + "Policy '" + o.name() + "' is defined twice: also at "
                            + rendered.cite(policies.get(o.name()).object().location())));
                    continue;
                }
                Optional<AdmissionPolicy> read = reader.policy(o);
                if (read.isPresent()) {
                    policies.put(o.name(), read.get());
                } else {
                    refused.add(o.name());
                }
            } else if (isBinding(o)) {
                reader.binding(o).ifPresent(bindings::add);
            }
        }
        Map<String, List<AdmissionBinding>> byPolicy = bindings.stream().collect(Collectors.groupingBy(
                AdmissionBinding::policyName, LinkedHashMap::new, Collectors.toList()));
        byPolicy.forEach((name, list) -> {
            if (!policies.containsKey(name) && !refused.contains(name)) {
                list.forEach(b -> problems.add(Diagnostic.warning("admission-binding-unbound", b.object().location(),
                        "ValidatingAdmissionPolicyBinding '" + b.name() + "' binds policy '" + name + "', which is "
                                + "not among the inputs: nothing is checked for it")));
            }
        });
        List<Check> checks = new ArrayList<>();
        for (AdmissionPolicy p : policies.values()) {
            List<AdmissionBinding> own = byPolicy.getOrDefault(p.name(), List.of());
            if (own.isEmpty()) {
                problems.add(Diagnostic.info("admission-policy-unbound", p.object().location(), "ValidatingAdmission"
                        + "Policy '" + p.name() + "' has no binding among the inputs: the cluster enforces it only "
                        + "once a ValidatingAdmissionPolicyBinding binds it"));
                continue;
            }
            checks.add(new ValidatingPolicyCheck(p, own, all, run, notes, metadata(p, rendered), limits));
        }
        checks.sort(Comparator.comparing(c -> c.metadata().id()));
        return checks;
    }

    private static CheckMetadata metadata(final AdmissionPolicy p, final SourceMap rendered) {
        Map<String, String> annotations = p.object().annotations();
        String expressions = p.validations().stream().map(v -> "`" + v.expression().source().strip() + "`")
                .collect(Collectors.joining(", "));
        String description = annotations.getOrDefault("k8sgate.io/description", "The ValidatingAdmissionPolicy "
                + p.name() + " of " + rendered.cite(p.object().location()) + ", which the "
                + "cluster enforces at admission, judged before deploy" + (expressions.isEmpty() ? "."
                        : ": objects must satisfy " + expressions + "."));
        String remediation = annotations.getOrDefault("k8sgate.io/remediation", "Change the object so that the "
                + "policy admits it (its message says what it expects), or exempt the object with a reason.");
        return CheckMetadata.of(RuleIds.admission(p.name()), annotations.getOrDefault("k8sgate.io/title",
                "ValidatingAdmissionPolicy " + p.name()), p.severity(), Category.CUSTOM)
                .withText(description, remediation).withReferences(DOCUMENTATION).withObjectScope();
    }

    private static boolean isPolicy(final K8sObject o) {
        return "ValidatingAdmissionPolicy".equals(o.kind()) && GROUP.equals(o.apiGroup());
    }

    private static boolean isBinding(final K8sObject o) {
        return "ValidatingAdmissionPolicyBinding".equals(o.kind()) && GROUP.equals(o.apiGroup());
    }
}
