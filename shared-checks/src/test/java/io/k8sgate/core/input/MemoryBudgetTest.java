package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 8: the inputs of a run are paid for from one share of the heap before they are built, so that input
 * too large for the heap is an input error naming the file and the limit, not an OutOfMemoryError part way.
 */
class MemoryBudgetTest {
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-%d
            spec:
              containers:
                - name: app
                  image: registry.example.com/shop/web:1.4.2
            ---
            """;

    @Test
    void shouldReserveWhatFitsAndNothingOfWhatDoesNot() {
        MemoryBudget budget = MemoryBudget.of(1_000);
        assertThat(budget.tryReserve(600)).isTrue();
        assertThat(budget.tryReserve(500)).as("would pass the limit").isFalse();
        assertThat(budget.available()).isEqualTo(400);
        budget.release(600);
        assertThat(budget.tryReserve(1_000)).isTrue();
        assertThat(budget.tryReserve(Long.MAX_VALUE)).isFalse();
        assertThat(MemoryBudget.unlimited().tryReserve(Long.MAX_VALUE)).isTrue();
        assertThat(MemoryBudget.of(153L << 20).describe()).isEqualTo("153 MB (60 % of the 255 MB heap)");
        assertThat(MemoryBudget.ofHeap().limit()).isLessThan(Runtime.getRuntime().maxMemory());
    }

    @Test
    void shouldRefuseAManifestFileThatDoesNotFitNamingItAndTheLimitAndReadTheOthers(@TempDir final Path root)
            throws IOException {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            big.append(POD.formatted(i));
        }
        Files.writeString(root.resolve("big.yaml"), big);
        Files.writeString(root.resolve("small.yaml"), POD.formatted(1));
        long fitsTheSmallOne = Files.size(root.resolve("small.yaml")) * ManifestLoader.BYTES_PER_MANIFEST_BYTE;

        LoadResult loaded = new ManifestLoader().load(root, List.of("big.yaml", "small.yaml"), InputOptions.DEFAULT,
                MemoryBudget.of(fitsTheSmallOne));

        assertThat(loaded.objects()).extracting(K8sObject::name).containsExactly("web-1");
        assertThat(loaded.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.code()).isEqualTo("input-too-large");
            assertThat(d.location().file()).isEqualTo("big.yaml");
            assertThat(d.message()).contains("bytes of manifests", "more than is left of the", "-Xmx");
        });
        assertThat(loaded.diagnostics()).extracting(Diagnostic::level).containsExactly(Diagnostic.Level.ERROR);
    }
}
