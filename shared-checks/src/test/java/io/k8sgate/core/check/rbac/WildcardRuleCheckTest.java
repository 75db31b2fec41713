package io.k8sgate.core.check.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class WildcardRuleCheckTest extends AbstractCheckTest {
    private static final String IMPLIES_NARROWER = "checks/K8S-RBAC-002/violating/wildcard-implies-narrower.yaml";

    @Override
    protected Check check() {
        return new WildcardRuleCheck();
    }

    @Test
    void shouldNameWhatEachWildcardImpliesAndTheChecksThatAnswerItOnRuleAndSubject() {
        List<Finding> found = findings("narrower.yaml", Fixtures.read(IMPLIES_NARROWER), CheckSettings.DEFAULT);

        assertThat(found).filteredOn(f -> f.location().line() == 9).singleElement().satisfies(f -> {
            assertThat(f.properties().get(RbacFindings.IMPLIES)).contains(
                    "escalate roles (grant themselves any permission)", "bind any role (grant any permission)",
                    "create or change roles", "create or change role bindings");
            assertThat(f.properties()).containsEntry(RbacFindings.IMPLIED_CHECKS, "K8S-RBAC-005, K8S-RBAC-021");
            assertThat(f.severity()).as("escalate is CRITICAL in any namespace").isEqualTo(Severity.CRITICAL);
        });
        assertThat(found).filteredOn(f -> f.location().line() == 12).singleElement().satisfies(f -> assertThat(
                f.properties().get(RbacFindings.IMPLIED_CHECKS).split(", ")).contains("K8S-RBAC-007",
                "K8S-RBAC-008", "K8S-RBAC-009"));
        assertThat(found).filteredOn(f -> f.properties().containsKey(RbacFindings.SUBJECT))
                .extracting(f -> f.properties().get(RbacFindings.SUBJECT))
                .containsExactly("ServiceAccount/team-a/operator", "Group/team-a-admins");
        assertThat(found).filteredOn(f -> f.properties().containsKey(RbacFindings.SUBJECT)).allSatisfy(f -> {
            assertThat(f.properties().get(RbacFindings.IMPLIES)).contains("read secrets", "exec into pods",
                    "bind any role (grant any permission)");
            assertThat(f.message()).contains("roles, rolebindings").contains("which implies");
        });
    }

    @Test
    void shouldLeaveWhatAWildcardImpliesToItSoNoNarrowerCheckRepeatsIt() {
        String yaml = Fixtures.read(IMPLIES_NARROWER);
        CheckContext context = CheckContext.of(new ManifestLoader().parse("narrower.yaml", yaml, d -> { }),
                CheckSettings.DEFAULT);

        for (NarrowerCheck narrower : ImpliedPermissions.NARROWER) {
            assertThat(narrower.evaluate(context)).as(narrower.metadata().id()).isEmpty();
        }
    }

    @Test
    void shouldKnowEveryNarrowerCheckOfTheCatalogue() {
        assertThat(ImpliedPermissions.NARROWER).extracting(c -> c.metadata().id())
                .containsExactlyInAnyOrderElementsOf(CheckRegistry.defaultRegistry().all().stream()
                        .filter(NarrowerCheck.class::isInstance).map(c -> c.metadata().id()).toList());
    }
}
