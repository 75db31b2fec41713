package io.k8sgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.baseline.BaselineFinding;
import io.k8sgate.core.baseline.BaselineReference;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.baseline.VersionComparison;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.image.ImageNotPinnedCheck;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyLoader;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.fixtures.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What was written or recorded under a retired check id (K8S-WL-056, now K8S-IMG-004) keeps working: stored
 * baselines, reference builds and exemption annotations, each use of the id told as a warning.
 */
class RetiredIdsTest {
    /** The digest check as the catalogue had it before K8S-WL-056 was retired: same fact, same field, its own id. */
    private static final class WorkloadDigestCheck implements Check {
        private static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-056", "Image not pinned by digest",
                Severity.LOW, Category.WORKLOAD).withText("d", "r").optional();

        @Override
        public CheckMetadata metadata() {
            return METADATA;
        }

        @Override
        public List<Finding> evaluate(final CheckContext context) {
            return context.containers().filter(c -> !c.image().contains("@sha256:"))
                    .map(c -> finding(c, c.field("image"), "Container '" + c.name() + "' without a digest")).toList();
        }
    }

    private static final SecurityGate BEFORE = new SecurityGate(new CheckRegistry(List.of(new WorkloadDigestCheck())),
            new ManifestLoader());
    /** The digest check as the catalogue has it now, under the built-in table of retired ids. */
    private static final SecurityGate AFTER = new SecurityGate(new CheckRegistry(List.of(new ImageNotPinnedCheck()),
            List.copyOf(CheckRegistry.defaultRegistry().retired().values())), new ManifestLoader());

    @TempDir
    Path temp;

    private static GateRequest request(final String policy) {
        Policy p = new PolicyLoader(AFTER.checkIds()).parse("k8s-security.yaml", policy);
        return GateRequest.of(Fixtures.path("retired-ids"), List.of("app.yaml")).withPolicy(p);
    }

    private static final String BEFORE_POLICY = "enableAll: true\nfailOn: MEDIUM\nnewFindingsOnly: true\n";
    private static final String AFTER_POLICY = "checks: {K8S-IMG-004: true}\nfailOn: MEDIUM\nnewFindingsOnly: true\n";

    private static Set<String> fingerprints(final GateOutcome outcome) {
        return outcome.findings().stream().map(Finding::fingerprint).collect(Collectors.toSet());
    }

    @Test
    void shouldFingerprintTheSameFactDifferentlyUnderEachId() {
        GateOutcome before = BEFORE.run(request(BEFORE_POLICY));
        GateOutcome after = AFTER.run(request(AFTER_POLICY));
        assertThat(before.findings()).extracting(Finding::checkId).containsOnly("K8S-WL-056").hasSize(2);
        assertThat(after.findings()).extracting(Finding::checkId).containsOnly("K8S-IMG-004").hasSize(2);
        assertThat(fingerprints(before)).doesNotContainAnyElementsOf(fingerprints(after));
    }

    @Test
    void shouldReadAReferenceBuildsFindingsOfTheRetiredIdAsTheSuccessors() {
        Set<String> reference = fingerprints(BEFORE.run(request(BEFORE_POLICY)));
        GateRequest after = request(AFTER_POLICY);

        assertThat(AFTER.run(after).status()).isEqualTo(GateStatus.FAIL);
        assertThat(AFTER.run(after.withReference(reference)).status()).isEqualTo(GateStatus.PASS);
    }

    @Test
    void shouldCompareWithABaselineRecordedUnderTheRetiredId() {
        DirectoryStore store = new DirectoryStore(temp.resolve("store"));
        new Baselines(BEFORE).record(request(BEFORE_POLICY), store, new Baselines.RecordOptions(true,
                Optional.empty(), Optional.empty()));

        GateOutcome outcome = AFTER.run(request(AFTER_POLICY).withBaseline(BaselineReference.latest(store)));

        assertThat(outcome.baseline().orElseThrow().outstanding()).containsExactlyInAnyOrderElementsOf(
                fingerprints(outcome));
        assertThat(outcome.baseline().orElseThrow().fixed()).isEmpty();
        assertThat(outcome.status()).isEqualTo(GateStatus.PASS);
        VersionComparison diff = new Baselines(AFTER).diff(request(AFTER_POLICY), store, OptionalLong.empty());
        assertThat(diff.newFindings()).isEmpty();
        assertThat(diff.fixed()).isEmpty();
        assertThat(diff.outstanding()).extracting(BaselineFinding::checkId).containsOnly("K8S-IMG-004");
    }

    @Test
    void shouldCompareAVersionRecordedUnderTheRetiredIdWithALaterOne() {
        DirectoryStore store = new DirectoryStore(temp.resolve("store"));
        Baselines.RecordOptions force = new Baselines.RecordOptions(true, Optional.empty(), Optional.empty());
        new Baselines(BEFORE).record(request(BEFORE_POLICY), store, force);
        new Baselines(AFTER).record(request(AFTER_POLICY), store, force);

        VersionComparison diff = Baselines.diff(store, 1, 2);

        assertThat(diff.newFindings()).isEmpty();
        assertThat(diff.fixed()).isEmpty();
        // the debug pod's finding is exempt (by its annotation) in version 2, so only the web one is outstanding
        assertThat(diff.outstanding()).extracting(f -> f.checkId() + " " + f.resource().name() + " " + f.container())
                .containsExactly("K8S-IMG-004 web web");
    }

    @Test
    void shouldExemptFromTheSuccessorThroughAnAnnotationNamingTheRetiredIdAndWarn() {
        GateOutcome outcome = AFTER.run(request("checks: {K8S-IMG-004: true}\n"));

        assertThat(outcome.findings()).filteredOn(f -> f.resource().name().equals("debug"))
                .filteredOn(f -> f.checkId().equals("K8S-IMG-004")).singleElement()
                .satisfies(f -> {
                    assertThat(f.checkId()).isEqualTo("K8S-IMG-004");
                    assertThat(f.isSuppressed()).isTrue();
                });
        assertThat(outcome.diagnostics()).filteredOn(d -> d.code().equals(PolicyLoader.RETIRED)).singleElement()
                .satisfies(d -> {
                    assertThat(d.level()).isEqualTo(Diagnostic.Level.WARNING);
                    assertThat(d.location().file()).isEqualTo("app.yaml");
                    assertThat(d.location().line()).isEqualTo(26);
                    assertThat(d.message()).contains("K8S-WL-056 is retired", "read as K8S-IMG-004");
                });
        assertThat(outcome.hasInputErrors()).isFalse();
    }

    @Test
    void shouldReportThePolicysWarningsInTheRunWithoutFailingIt() {
        GateOutcome outcome = AFTER.run(request("checks: {K8S-WL-056: true}\nfailOn: CRITICAL\n"));

        assertThat(outcome.diagnostics()).filteredOn(d -> d.code().equals(PolicyLoader.RETIRED))
                .extracting(d -> d.location().toString()).contains("k8s-security.yaml:1");
        assertThat(outcome.findings()).extracting(Finding::checkId).contains("K8S-IMG-004");
        assertThat(outcome.status()).isNotEqualTo(GateStatus.FAIL);
    }
}
