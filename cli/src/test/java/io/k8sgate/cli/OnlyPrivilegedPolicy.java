package io.k8sgate.cli;

import io.k8sgate.core.SecurityGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A policy that turns off every check but K8S-WL-001, so that expected findings stay fixed as the catalogue grows. */
final class OnlyPrivilegedPolicy {
    private OnlyPrivilegedPolicy() {
    }

    /** Writes the policy as {@code k8s-security.yaml} in {@code root}, with {@code extra} lines first. */
    static void write(final Path root, final String extra) throws IOException {
        StringBuilder policy = new StringBuilder(extra).append("checks:\n");
        new SecurityGate().checkIds().stream().filter(id -> !"K8S-WL-001".equals(id)).sorted()
                .forEach(id -> policy.append("  ").append(id).append(": false\n"));
        Files.writeString(root.resolve("k8s-security.yaml"), policy);
    }
}
