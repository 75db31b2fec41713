package io.k8sgate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelmLibraryTest {
    /** The binaries of helm-java's five platform jars, in an order where the first is never the right one. */
    private static final List<String> ALL = List.of("helm-windows-4.0-amd64.dll", "helm-darwin-10.12-amd64.dylib",
            "helm-darwin-10.12-arm64.dylib", "helm-linux-arm64.so", "helm-linux-amd64.so");

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource({
            "Linux, amd64, helm-linux-amd64.so",
            "Linux, x86_64, helm-linux-amd64.so",
            "Linux, aarch64, helm-linux-arm64.so",
            "Mac OS X, x86_64, helm-darwin-10.12-amd64.dylib",
            "Mac OS X, aarch64, helm-darwin-10.12-arm64.dylib",
            "Windows 11, amd64, helm-windows-4.0-amd64.dll",
            "Windows Server 2022, amd64, helm-windows-4.0-amd64.dll"})
    void shouldPickTheBinaryOfThePlatform(final String os, final String arch, final String binary) {
        assertThat(HelmLibrary.binaryFor(ALL, os, arch)).contains(binary);
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource({"Windows 11, aarch64", "FreeBSD, amd64", "Linux, s390x", "SunOS, sparcv9"})
    void shouldFindNoneForAnotherPlatform(final String os, final String arch) {
        assertThat(HelmLibrary.binaryFor(ALL, os, arch)).isEmpty();
    }

    @Test
    void shouldLoadTheLibraryOfThisMachine() {
        assertThat(HelmLibrary.get().platform()).isIn("linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64",
                "windows-amd64");
    }
}
