package io.k8sgate.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.ResourceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class BaselineDiffTest {
    private static final ResourceRef DEPLOYMENT = new ResourceRef("Deployment", "shop", "web");

    private static VersionComparison v1ToV2() {
        return BaselineDiff.compare(OptionalLong.of(1), BaselineFixtures.app("v1"), BaselineFixtures.app("v2"));
    }

    private static ResourceChange change(final VersionComparison c, final ResourceRef ref) {
        return c.drift().changed().stream().filter(r -> r.resource().equals(ref)).findFirst().orElseThrow();
    }

    @Test
    void shouldListAddedAndChangedResources() {
        Drift drift = v1ToV2().drift();

        assertThat(drift.added()).containsExactly(new ResourceRef("Ingress", "shop", "web"));
        assertThat(drift.removed()).isEmpty();
        assertThat(drift.changed()).extracting(ResourceChange::resource).containsExactlyInAnyOrder(DEPLOYMENT,
                new ResourceRef("Role", "shop", "web-config-reader"), new ResourceRef("Service", "shop", "web"));
    }

    @Test
    void shouldMarkSecurityRelevantFieldChanges() {
        VersionComparison c = v1ToV2();
        String container = "spec.template.spec.containers[name=web]";

        assertThat(change(c, DEPLOYMENT).fields()).contains(
                new FieldChange(container + ".image", Optional.of("\"registry.example.com/shop/web:3.1.0\""),
                        Optional.of("\"registry.example.com/shop/web:3.2.0\""), Optional.of("image")),
                new FieldChange(container + ".securityContext.privileged", Optional.of("false"),
                        Optional.of("true"), Optional.of("privileged")),
                new FieldChange("spec.template.spec.volumes[name=docker].hostPath.path", Optional.empty(),
                        Optional.of("\"/var/run/docker.sock\""), Optional.of("hostPath")),
                new FieldChange("spec.replicas", Optional.of("2"), Optional.of("3"), Optional.empty()),
                new FieldChange(container + ".env[name=LOG_LEVEL].value", Optional.of("\"info\""),
                        Optional.of("\"debug\""), Optional.empty()));
        assertThat(change(c, new ResourceRef("Service", "shop", "web")).securityChanges())
                .extracting(FieldChange::security).containsOnly(Optional.of("exposure"));
        assertThat(change(c, new ResourceRef("Role", "shop", "web-config-reader")).securityChanges())
                .extracting(FieldChange::security).containsOnly(Optional.of("RBAC rules"));
    }

    @Test
    void shouldSeeAChangedSecretValueByItsDigestWithoutKeepingIt() {
        FieldChange password = change(v1ToV2(), DEPLOYMENT).fields().stream()
                .filter(f -> f.path().contains("DB_PASSWORD")).findFirst().orElseThrow();

        assertThat(password.security()).contains("secret");
        assertThat(password.before()).get(InstanceOfAssertFactories.STRING).startsWith("\"(redacted hmac:");
        assertThat(password.after()).get(InstanceOfAssertFactories.STRING).startsWith("\"(redacted hmac:");
        assertThat(password.display()).doesNotContain("hunter2", "another-plain-text-password");
    }

    @Test
    void shouldSayWhenSecretsWereDigestedWithAnotherKey() {
        RedactionKey first = RedactionKey.of("first-key-of-the-team-0123456789abcdef", "test");
        RedactionKey second = RedactionKey.of("second-key-of-another-agent-0123456789", "test");
        Map<String, Object> pod = Map.of("apiVersion", "v1", "kind", "Pod", "metadata", Map.of("name", "p"),
                "spec", Map.of("containers", List.of(Map.of("name", "app", "env",
                        List.of(Map.of("name", "DB_PASSWORD", "value", "hunter2"))))));

        List<FieldChange> sameKey = BaselineDiff.fields("Pod", ResourceNormaliser.normalise(pod, first),
                ResourceNormaliser.normalise(pod, first));
        List<FieldChange> otherKey = BaselineDiff.fields("Pod", ResourceNormaliser.normalise(pod, first),
                ResourceNormaliser.normalise(pod, second));

        assertThat(sameKey).isEmpty();
        assertThat(otherKey).singleElement().satisfies(f -> assertThat(f.security()).get(
                InstanceOfAssertFactories.STRING).startsWith("secret; not comparable: digested with another key ("
                        + first.id() + " -> " + second.id() + ")").contains(RedactionKey.VARIABLE));
    }

    @Test
    void shouldSplitFindingsIntoNewOutstandingAndFixed() {
        VersionComparison forward = v1ToV2();
        VersionComparison back = BaselineDiff.compare(OptionalLong.of(2), BaselineFixtures.app("v2"),
                BaselineFixtures.app("v1"));
        VersionComparison same = BaselineDiff.compare(OptionalLong.of(2), BaselineFixtures.app("v2"),
                BaselineFixtures.app("v2"));

        assertThat(forward.newFindings()).extracting(BaselineFinding::checkId).containsExactly("K8S-WL-001");
        assertThat(forward.fixed()).isEmpty();
        assertThat(back.fixed()).extracting(BaselineFinding::resource).containsExactly(DEPLOYMENT);
        assertThat(back.newFindings()).isEmpty();
        assertThat(same.outstanding()).hasSize(1);
        assertThat(same.drift().isEmpty()).isTrue();
        assertThat(forward.summary()).startsWith("baseline v1: 1 new, 0 outstanding, 0 fixed")
                .contains("1 added, 0 removed, 3 changed");
    }

    @Test
    void shouldTreatAnEmptyReferenceAsEverythingNew() {
        VersionComparison c = BaselineDiff.compare(Optional.empty(), BaselineFixtures.app("v2"));

        assertThat(c.referenceVersion()).isEmpty();
        assertThat(c.newFindings()).hasSize(1);
        assertThat(c.drift().added()).hasSize(6);
        assertThat(c.summary()).startsWith("baseline (no version recorded yet)");
    }

    @Test
    void shouldCompareListsWithoutNamesByPositionAndQuoteOddKeys() {
        List<FieldChange> changes = BaselineDiff.fields("ConfigMap",
                Map.of("data", Map.of("a.b/c", "1"), "args", List.of("x", "y")),
                Map.of("data", Map.of("a.b/c", "2"), "args", List.of("x", "z\n")));

        assertThat(changes).extracting(FieldChange::display)
                .containsExactly("args[1]: \"y\" -> \"z\\n\"", "data[\"a.b/c\"]: \"1\" -> \"2\"");
    }
}
