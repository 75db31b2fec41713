package io.k8sgate.core;

import io.k8sgate.core.cel.RunObjects;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.RunNotes;
import io.k8sgate.core.check.admission.AdmissionChecks;
import io.k8sgate.core.check.custom.CustomChecks;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.SourceMap;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.RuleIds;
import io.k8sgate.core.policy.Policy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The team's own rules of one run: the policy's custom checks and the ValidatingAdmissionPolicies among the inputs
 * (or in the admission policy directory). A run that has neither does not touch CEL at all: the CLI starts as fast
 * as without this feature.
 */
final class OwnRules {
    private final List<Check> checks;
    private final RunNotes notes;

    private OwnRules(final List<Check> checks, final RunNotes notes) {
        this.checks = checks;
        this.notes = notes;
    }

    /**
     * The rules of a run.
     *
     * @param policy        the policy (custom checks; ids of admission policies it names)
     * @param inputs        the objects checked
     * @param policyObjects the objects of the admission policy directory
     * @param root          the workspace, to read a file again when an expression in it does not compile
     * @param rendered      leads places in rendered inputs back to their sources, for messages that cite them
     * @param diagnostics   receives policies the API server would refuse and rules the policy names in vain
     */
    static OwnRules of(final Policy policy, final List<K8sObject> inputs, final List<K8sObject> policyObjects,
            final Path root, final SourceMap rendered, final List<Diagnostic> diagnostics) {
        RunNotes notes = new RunNotes();
        boolean admission = !policyObjects.isEmpty() || AdmissionChecks.present(inputs);
        if (policy.customChecks().isEmpty() && !admission) {
            warnAboutAdmissionIds(policy, Set.of(), diagnostics);
            return new OwnRules(List.of(), notes);
        }
        List<K8sObject> all = new ArrayList<>(inputs);
        all.addAll(policyObjects);
        RunObjects run = RunObjects.of(all, policy.kinds());
        List<Check> checks = new ArrayList<>(CustomChecks.forRun(policy.customChecks(), run, notes));
        if (admission) {
            checks.addAll(AdmissionChecks.forRun(inputs, policyObjects, run, file -> read(root, file), rendered, notes,
                    diagnostics));
        }
        Set<String> ids = new HashSet<>();
        checks.forEach(c -> ids.add(c.metadata().id()));
        warnAboutAdmissionIds(policy, ids, diagnostics);
        return new OwnRules(checks.stream().filter(c -> policy.isEnabled(c.metadata())).toList(), notes);
    }

    /** The checks to run (those the policy disables left out). */
    List<Check> checks() {
        return checks;
    }

    /** What the rules had to say while they ran; call after the run. */
    List<Diagnostic> diagnostics() {
        return notes.diagnostics();
    }

    private static void warnAboutAdmissionIds(final Policy policy, final Set<String> known,
            final List<Diagnostic> diagnostics) {
        Set<String> named = new java.util.TreeSet<>(policy.checks().keySet());
        policy.exceptions().forEach(e -> named.addAll(e.checks()));
        for (String id : named) {
            if (RuleIds.isAdmission(id) && !known.contains(id)) {
                diagnostics.add(Diagnostic.warning("admission-policy-unknown", Location.ofFile(policy.source()),
                        "The policy names " + id + ", but no ValidatingAdmissionPolicy '"
                                + id.substring(RuleIds.ADMISSION_PREFIX.length()) + "' with a binding is among the "
                                + "inputs"));
            }
        }
    }

    private static Optional<String> read(final Path root, final String file) {
        Path path = root.resolve(file).normalize();
        if (!path.startsWith(root.normalize()) || !Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
