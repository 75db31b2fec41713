package io.k8sgate.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.input.SecretRedaction;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.registry.CheckRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The credential detector over every manifest of the corpus (../shared/corpus/real-world and manifests): how many
 * values it scans and flags, and which. Every flagged value is on the reviewed list
 * {@code conformance/credential-corpus-reviewed.tsv} with the reason it is a credential, so a change of the detector
 * that flags something new (a digest, a checksum, a UUID, a name) fails here until it is reviewed.
 */
class CredentialCorpusTest {
    private static final List<String> CHECKS = List.of("K8S-WL-062", "K8S-WL-064", "K8S-SEC-001", "K8S-SEC-002");

    @Test
    void shouldFlagOnlyReviewedCredentialsInTheCorpus() throws IOException {
        List<Path> roots = List.of(Corpus.require("real-world"), Corpus.require("manifests"));
        ManifestLoader loader = new ManifestLoader();
        List<Check> checks = CHECKS.stream()
                .map(id -> CheckRegistry.defaultRegistry().byId(id).orElseThrow()).toList();
        Set<String> flagged = new TreeSet<>();
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> findings = new TreeMap<>();
        int files = 0;
        int objects = 0;
        int strings = 0;
        for (Path root : roots) {
            for (Path file : manifests(root)) {
                String name = root.getParent().relativize(file).toString();
                List<K8sObject> loaded = loader.parse(name, Files.readString(file, StandardCharsets.UTF_8), d -> { });
                files++;
                objects += loaded.size();
                for (K8sObject o : loaded) {
                    Object java = o.root().toJava();
                    strings += strings(java);
                    @SuppressWarnings("unchecked") // the tree of a mapping is a map with string keys
                    Map<String, Object> map = java instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                    for (SecretRedaction.Found f : SecretRedaction.find(map)) {
                        String kind = f.kind().replaceAll(" in the setting .*", " in a setting");
                        flagged.add(String.join("\t", name, o.ref().display(), path(f.path()), kind));
                        byKind.merge(o.kind().equals("Secret") ? "(Secret data)" : kind, 1, Integer::sum);
                    }
                }
                CheckContext context = CheckContext.of(loaded, CheckSettings.DEFAULT);
                for (Check c : checks) {
                    for (Finding f : c.evaluate(context)) {
                        findings.merge(f.checkId(), 1, Integer::sum);
                        assertThat(f.category()).isIn(Category.WORKLOAD, Category.SECRETS);
                    }
                }
            }
        }
        System.out.printf("Credential detector over the corpus: %d files, %d objects, %d string values scanned, "
                + "%d flagged%n", files, objects, strings, flagged.size());
        byKind.forEach((kind, n) -> System.out.printf("  %-40s %4d%n", kind, n));
        CHECKS.forEach(id -> System.out.printf("  findings of %-27s %4d%n", id, findings.getOrDefault(id, 0)));
        flagged.forEach(f -> System.out.println("  flagged: " + f));

        assertThat(files).isGreaterThan(500);
        assertThat(flagged).as("flagged values not on the reviewed list, or reviewed ones no longer flagged")
                .isEqualTo(reviewed());
    }

    private static List<Path> manifests(final Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
                    .filter(p -> !p.getFileName().toString().equals("expectations.jsonl")).sorted().toList();
        }
    }

    private static int strings(final Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().mapToInt(CredentialCorpusTest::strings).sum();
        }
        if (value instanceof List<?> list) {
            return list.stream().mapToInt(CredentialCorpusTest::strings).sum();
        }
        return value instanceof String ? 1 : 0;
    }

    private static String path(final List<Object> segments) {
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            sb.append(s instanceof Integer ? "[" + s + "]" : (sb.length() == 0 ? "" : ".") + s);
        }
        return sb.toString();
    }

    private static Set<String> reviewed() throws IOException {
        Set<String> rows = new TreeSet<>();
        try (InputStream in = CredentialCorpusTest.class.getResourceAsStream(
                "/conformance/credential-corpus-reviewed.tsv")) {
            assertThat(in).as("the reviewed list").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t");
                    assertThat(cells).as("file, resource, path, kind and the reason: %s", line).hasSize(5);
                    rows.add(String.join("\t", List.of(cells).subList(0, 4)));
                }
            }
        }
        return rows;
    }
}
