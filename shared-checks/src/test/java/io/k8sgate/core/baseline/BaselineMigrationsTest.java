package io.k8sgate.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.fixtures.Fixtures;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BaselineMigrationsTest {
    @Test
    void shouldReadTheStoreWrittenUnderSchemaVersion1() {
        DirectoryStore store = new DirectoryStore(Fixtures.path("baselines/v1/store"));

        assertThat(store.history()).extracting(BaselineMetadata::version, BaselineMetadata::buildId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, Optional.of("fixture-build-1")),
                        org.assertj.core.groups.Tuple.tuple(2L, Optional.of("fixture-build-2")));
        Baseline second = store.read(2);
        assertThat(second.content().resources()).extracting(BaselineResource::ref)
                .contains(new ResourceRef("Ingress", "shop", "web"), new ResourceRef("Deployment", "shop", "web"));
        assertThat(second.content().findings()).extracting(BaselineFinding::checkId).containsExactly("K8S-WL-001");
        assertThat(second.metadata().sourceRevision()).contains("4f2c9e1a7b3d5c6e8f0a1b2c3d4e5f6a7b8c9d0e");
    }

    @Test
    void shouldReadAndVerifyTheStoreWrittenUnderSchemaVersion2() {
        DirectoryStore store = new DirectoryStore(Fixtures.path("baselines/v2/store"));

        assertThat(store.indexProblem()).isEmpty();
        assertThat(store.history()).extracting(BaselineMetadata::version, BaselineMetadata::buildId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, Optional.of("fixture-build-1")),
                        org.assertj.core.groups.Tuple.tuple(2L, Optional.of("fixture-build-2")));
        Baseline second = store.read(2);
        assertThat(second.content().resources()).extracting(BaselineResource::ref)
                .contains(new ResourceRef("Ingress", "shop", "web"),
                        new ResourceRef("Secret", "shop", "web-credentials"));
        assertThat(second.content().toString()).doesNotContain("hunter2", "another-plain-text-password")
                .containsPattern("\\(redacted hmac:[0-9a-f]{8}:[0-9a-f]{32}\\)");
    }

    @Test
    void shouldCompareSchema1PlainMarkersWithDigestsAsNotComparable() {
        Baseline old = new DirectoryStore(Fixtures.path("baselines/v1/store")).read(2);
        Baseline now = new DirectoryStore(Fixtures.path("baselines/v2/store")).read(2);

        VersionComparison c = BaselineDiff.compare(java.util.OptionalLong.of(2), old.content(), now.content());

        assertThat(c.drift().changed()).flatExtracting(ResourceChange::fields)
                .filteredOn(f -> f.path().contains("DB_PASSWORD")).singleElement()
                .satisfies(f -> assertThat(f.security()).get().asString().startsWith(
                        "secret; not comparable: digested with another key (unkeyed -> "));
    }

    @Test
    void shouldKeepTheCurrentSchemaWithinTheRangeItReads() {
        assertThat(BaselineMigrations.CURRENT).isGreaterThanOrEqualTo(BaselineMigrations.OLDEST);
        for (int schema = BaselineMigrations.OLDEST; schema <= BaselineMigrations.CURRENT; schema++) {
            assertThat(Fixtures.path("baselines/v" + schema + "/store")).isDirectory();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"schemaVersion\": 3}", "{\"schemaVersion\": 0}", "{\"schemaVersion\": \"1\"}",
        "{}", "[1]", "{\"schemaVersion\": 1.5}"})
    void shouldRefuseDocumentsWithoutAReadableSchema(final String json) throws Exception {
        assertThatThrownBy(() -> BaselineMigrations.migrate(new ObjectMapper().readTree(json), "version 4"))
                .isInstanceOf(BaselineException.class).hasMessageContaining("version 4");
    }
}
