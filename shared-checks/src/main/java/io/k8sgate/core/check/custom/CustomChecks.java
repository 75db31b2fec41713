package io.k8sgate.core.check.custom;

import io.k8sgate.core.cel.Bindings;
import io.k8sgate.core.cel.CostBudget;
import io.k8sgate.core.cel.CostLimits;
import io.k8sgate.core.cel.EvaluationException;
import io.k8sgate.core.cel.RunObjects;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.RunNotes;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the policy's compiled custom checks into checks of one run. A check whose expression fails on an object
 * fails closed: an error diagnostic names the check, the object and CEL's message.
 */
public final class CustomChecks {
    private CustomChecks() {
    }

    /**
     * The checks of one run.
     *
     * @param checks  the policy's custom checks
     * @param objects every object of the run (for Namespaces and CustomResourceDefinitions)
     * @param notes   receives evaluation errors
     */
    public static List<Check> forRun(final List<CustomCheck> checks, final RunObjects objects,
            final RunNotes notes) {
        return forRun(checks, objects, notes, CostLimits.KUBERNETES);
    }

    /** As {@link #forRun(List, RunObjects, RunNotes)}, under other cost limits. */
    static List<Check> forRun(final List<CustomCheck> checks, final RunObjects objects, final RunNotes notes,
            final CostLimits limits) {
        List<Check> out = new ArrayList<>();
        for (CustomCheck c : checks) {
            out.add(new Bound(c, objects, notes, limits));
        }
        return out;
    }

    /** A custom check bound to a run. */
    private static final class Bound implements Check {
        private final CustomCheck check;
        private final RunObjects run;
        private final RunNotes notes;
        private final CostLimits limits;
        private final CostBudget.RunAccount account = new CostBudget.RunAccount();

        Bound(final CustomCheck check, final RunObjects run, final RunNotes notes, final CostLimits limits) {
            this.check = check;
            this.run = run;
            this.notes = notes;
            this.limits = limits;
        }

        @Override
        public CheckMetadata metadata() {
            return check.metadata();
        }

        @Override
        public List<Finding> evaluate(final CheckContext context) {
            List<Finding> findings = new ArrayList<>();
            CustomCheckDefinition d = check.definition();
            for (K8sObject object : context.objects()) {
                if (!matches(d.match(), object)) {
                    continue;
                }
                Bindings bindings = run.bindings(object, () -> run.request(object), d.params().orElse(null));
                CostBudget budget = CostBudget.of(limits, account);
                try {
                    if (!check.expression().evaluateBoolean(bindings, budget)) {
                        findings.add(finding(object, message(object, bindings, budget)));
                    }
                } catch (EvaluationException e) {
                    notes.add(d.id() + "\u001f" + e.getMessage(), Diagnostic.Level.ERROR, "custom-check-failed",
                            object.location(), "Custom check " + d.id() + " could not be evaluated on "
                                    + object.ref().display() + ": " + e.getMessage());
                    if (e.kind() == EvaluationException.Kind.RUN_BUDGET) {
                        break;
                    }
                }
            }
            return findings;
        }

        private String message(final K8sObject object, final Bindings bindings, final CostBudget budget) {
            CustomCheckDefinition d = check.definition();
            if (d.messageExpression().isPresent()) {
                try {
                    Object m = check.messageExpression().orElseThrow().evaluate(bindings, budget);
                    if (m instanceof String s && !s.isBlank() && s.indexOf('\n') < 0) {
                        return s.strip();
                    }
                    notes.add(d.id() + "\u001fmessage", Diagnostic.Level.WARNING, "custom-check-message",
                            object.location(), "The messageExpression of custom check " + d.id() + " gave "
                                    + (m instanceof String ? "an empty or multi-line string" : "no string")
                                    + " for " + object.ref().display() + "; its message or title is shown instead");
                } catch (EvaluationException e) {
                    notes.add(d.id() + "\u001fmessage\u001f" + e.getMessage(), Diagnostic.Level.WARNING,
                            "custom-check-message", object.location(), "The messageExpression of custom check "
                                    + d.id() + " failed on " + object.ref().display() + " (its message or title is "
                                    + "shown instead): " + e.getMessage());
                }
            }
            return d.message().isBlank() ? d.title() : d.message().strip();
        }

        private Finding finding(final K8sObject object, final String message) {
            return Finding.of(check.metadata(), object.ref(), "", object.location(), "", message);
        }

        private boolean matches(final CustomCheckDefinition.Match m, final K8sObject object) {
            if (!m.kinds().isEmpty() && !m.kinds().contains("*") && !m.kinds().contains(object.kind())) {
                return false;
            }
            if (!m.apiGroups().isEmpty() && !m.apiGroups().contains("*") && !m.apiGroups()
                    .contains(object.apiGroup())) {
                return false;
            }
            if (!m.namespaces().isEmpty()) {
                String ns = run.namespaceOf(object);
                if (ns.isEmpty() || !m.namespaces().contains(ns)) {
                    return false;
                }
            }
            if (!m.labels().isEmpty()) {
                Map<String, String> labels = object.labels();
                for (Map.Entry<String, String> e : m.labels().entrySet()) {
                    if (!e.getValue().equals(labels.get(e.getKey()))) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
