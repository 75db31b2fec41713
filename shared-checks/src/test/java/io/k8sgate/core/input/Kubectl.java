package io.k8sgate.core.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code kubectl} as the reference for how Kubernetes reads a manifest, offline: {@code kubectl set serviceaccount
 * --local -o json} decodes the file with Kubernetes' own YAML reader into the typed API objects (exactly the decoding
 * the API server applies, so a wrong type is refused as the API server refuses it) and prints them as JSON, with no
 * cluster and no kubeconfig. Used by the differential and fuzz tests; absent where kubectl is not installed.
 */
public final class Kubectl {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;
    private static volatile Optional<Kubectl> found;

    private final String executable;
    private final Path work;

    /** What kubectl made of a manifest: the decoded objects, or the reason it refused the file. */
    public record Decoded(Optional<JsonNode> object, String error) {
        /** True when kubectl refused the manifest. */
        public boolean refused() {
            return object.isEmpty();
        }
    }

    private Kubectl(final String executable, final Path work) {
        this.executable = executable;
        this.work = work;
    }

    /** The kubectl on the PATH, if it runs; the reason it does not otherwise, for the skip message. */
    public static synchronized Optional<Kubectl> find() {
        if (found == null) {
            found = locate();
        }
        return found;
    }

    private static Optional<Kubectl> locate() {
        try {
            Path work = Files.createTempDirectory("kubectl-differential");
            work.toFile().deleteOnExit();
            Kubectl kubectl = new Kubectl("kubectl", work);
            Result r = kubectl.run(List.of("version", "--client"));
            return r.code == 0 ? Optional.of(kubectl) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Decodes one manifest (the first object of the file is returned). */
    public Decoded decode(final String manifest) {
        try {
            Path file = Files.createTempFile(work, "manifest", ".yaml");
            try {
                Files.writeString(file, manifest, StandardCharsets.UTF_8);
                Result r = run(List.of("set", "serviceaccount", "--local", "-f", file.toString(), "differential",
                        "-o", "json"));
                if (r.code != 0) {
                    return new Decoded(Optional.empty(), r.err.isBlank() ? r.out : r.err);
                }
                JsonNode tree = JSON.readTree(r.out);
                if (tree != null && "List".equals(tree.path("kind").asText()) && tree.path("items").size() > 0) {
                    tree = tree.path("items").get(0);
                }
                return new Decoded(Optional.ofNullable(tree), "");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(final List<String> args) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(executable);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KUBECONFIG", work.resolve("no-kubeconfig").toString());
        builder.redirectOutput(work.resolve("out-" + Thread.currentThread().getId()).toFile());
        builder.redirectError(work.resolve("err-" + Thread.currentThread().getId()).toFile());
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            return new Result(-1, "", String.valueOf(e.getMessage()));
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "", "kubectl did not answer within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, "", "interrupted");
        }
        String out = Files.readString(work.resolve("out-" + Thread.currentThread().getId()), StandardCharsets.UTF_8);
        String err = Files.readString(work.resolve("err-" + Thread.currentThread().getId()), StandardCharsets.UTF_8);
        return new Result(p.exitValue(), out, err);
    }
}
