package io.k8sgate.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionKeyTest {
    private static final String KEY = "a-team-key-kept-in-the-ci-credential-store";

    @TempDir
    Path home;

    @Test
    void shouldDigestTheSameValueAlikeAndDifferentValuesOrKeysApart() {
        RedactionKey key = RedactionKey.of(KEY, "test");
        RedactionKey other = RedactionKey.of(KEY + "-2", "test");

        assertThat(key.digest("hunter2")).matches("\\(redacted hmac:" + key.id() + ":[0-9a-f]{32}\\)")
                .isEqualTo(RedactionKey.of(KEY, "again").digest("hunter2"))
                .isNotEqualTo(key.digest("hunter3")).isNotEqualTo(other.digest("hunter2")).doesNotContain("hunter2");
        assertThat(key.id()).isNotEqualTo(other.id()).hasSize(8);
        assertThat(RedactionKey.keyIds("postgres://a:" + key.digest("x") + "@db/" + other.digest("y")))
                .containsExactly(key.id(), other.id());
        assertThat(RedactionKey.keyIds("(redacted)")).containsExactly("unkeyed");
        assertThat(RedactionKey.withoutDigests("a:" + key.digest("x") + "@b")).isEqualTo("a:(redacted)@b");
    }

    @Test
    void shouldTakeTheKeyFromTheEnvironmentFirst() throws IOException {
        Path file = Files.writeString(home.resolve("key"), KEY + "-from-a-file\n");

        RedactionKey variable = RedactionKey.resolve(Map.of(RedactionKey.VARIABLE, KEY,
                RedactionKey.FILE_VARIABLE, file.toString()), Optional.of(home));
        RedactionKey named = RedactionKey.resolve(Map.of(RedactionKey.FILE_VARIABLE, file.toString()),
                Optional.of(home));

        assertThat(variable.id()).isEqualTo(RedactionKey.of(KEY, "x").id());
        assertThat(variable.origin()).contains(RedactionKey.VARIABLE);
        assertThat(named.id()).isEqualTo(RedactionKey.of(KEY + "-from-a-file", "x").id());
        assertThat(Files.exists(home.resolve(".config"))).isFalse();
    }

    @Test
    void shouldRefuseAKeyThatCouldBeGuessed() {
        assertThatThrownBy(() -> RedactionKey.resolve(Map.of(RedactionKey.VARIABLE, "hunter2"), Optional.of(home)))
                .isInstanceOf(BaselineException.class).hasMessageContaining(RedactionKey.VARIABLE)
                .hasMessageContaining("at least 32").hasMessageContaining("openssl rand -base64 32")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThatThrownBy(() -> RedactionKey.resolve(Map.of(RedactionKey.FILE_VARIABLE,
                home.resolve("missing").toString()), Optional.of(home))).isInstanceOf(BaselineException.class)
                .hasMessageContaining("Cannot read the baseline redaction key file");
    }

    @Test
    void shouldCreateAKeyOnlyItsOwnerCanReadAndKeepUsingIt() throws IOException {
        RedactionKey first = RedactionKey.resolve(Map.of(), Optional.of(home));
        RedactionKey second = RedactionKey.resolve(Map.of(), Optional.of(home));
        Path file = home.resolve(".config/k8s-security/baseline.key");

        assertThat(first.isShared()).isTrue();
        assertThat(first.id()).isEqualTo(second.id());
        assertThat(first.origin()).isEqualTo(file.toString());
        assertThat(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(RedactionKey.MIN_LENGTH);
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void shouldUseTheConfigurationDirectoryTheUserChose() {
        RedactionKey key = RedactionKey.resolve(Map.of("XDG_CONFIG_HOME", home.resolve("cfg").toString()),
                Optional.of(home.resolve("elsewhere")));

        assertThat(key.origin()).isEqualTo(home.resolve("cfg/k8s-security/baseline.key").toString());
    }

    @Test
    void shouldFallBackToAKeyOfThisRunWhenNoneCanBeKept() throws IOException {
        Files.writeString(home.resolve(".config"), "a file where the directory would go");

        RedactionKey key = RedactionKey.resolve(Map.of(), Optional.of(home));

        assertThat(key.isShared()).isFalse();
        assertThat(key.origin()).contains("a key of this run only").contains(RedactionKey.VARIABLE);
        assertThat(RedactionKey.resolve(Map.of(), Optional.empty()).isShared()).isFalse();
    }
}
