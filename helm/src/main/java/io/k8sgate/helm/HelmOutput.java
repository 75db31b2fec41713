package io.k8sgate.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads what {@code helm template} prints: one section per document, each opened by {@code ---} and a
 * {@code # Source: <chart>/<path>} comment naming the template that wrote it.
 */
final class HelmOutput {
    private static final String SOURCE = "# Source: ";
    /** Helm's own document separator ({@code releaseutil.SplitManifests}). */
    private static final Pattern SEPARATOR = Pattern.compile("(?:^|\\s*\\n)---\\s*");

    private HelmOutput() {
    }

    /**
     * One rendered document.
     *
     * @param source the template's path as Helm names it, without the chart name ({@code templates/x.yaml})
     * @param text   the document, as Helm printed it
     */
    record Section(String source, String text) {
        /** The document's lines. */
        List<String> lines() {
            return text.lines().toList();
        }
    }

    /**
     * The sections of Helm's output, in order. Documents holding nothing but comments (a licence header above a
     * disabled object) hold no object and are left out, as an install leaves them out.
     */
    static List<Section> sections(final String output) {
        List<Section> sections = new ArrayList<>();
        String[] lines = output.replace("\r\n", "\n").split("\n", -1);
        String source = null;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals("---") && i + 1 < lines.length && lines[i + 1].startsWith(SOURCE)) {
                add(sections, source, text);
                source = withoutChartName(lines[i + 1].substring(SOURCE.length()).strip());
                text.setLength(0);
                i++;
            } else if (source != null) {
                text.append(lines[i]).append('\n');
            }
        }
        add(sections, source, text);
        return sections;
    }

    /** The documents of one template's raw output, split and trimmed as Helm splits them before parsing. */
    static List<String> documents(final String fileOutput) {
        List<String> documents = new ArrayList<>();
        for (String document : SEPARATOR.split(fileOutput.strip(), -1)) {
            if (!document.isEmpty()) {
                documents.add(document.strip());
            }
        }
        return documents;
    }

    /** True when the document is a Helm hook: {@code metadata.annotations} holds {@code helm.sh/hook}. */
    static boolean isHook(final String document) {
        if (!document.contains(ChartWorkspace.HOOK_ANNOTATION)) {
            return false;
        }
        return parse(document).map(root -> root.get("metadata")).filter(Map.class::isInstance)
                .map(metadata -> ((Map<?, ?>) metadata).get("annotations")).filter(Map.class::isInstance)
                .map(annotations -> ((Map<?, ?>) annotations).containsKey(ChartWorkspace.HOOK_ANNOTATION))
                .orElse(false);
    }

    /** True when the document is well-formed YAML. */
    static boolean wellFormed(final String document) {
        try {
            loader().loadFromString(document);
            return true;
        } catch (YamlEngineException e) {
            return false;
        }
    }

    private static Optional<Map<?, ?>> parse(final String document) {
        try {
            Object root = loader().loadFromString(document);
            return root instanceof Map<?, ?> map ? Optional.of(map) : Optional.empty();
        } catch (YamlEngineException e) {
            return Optional.empty();
        }
    }

    private static Load loader() {
        return new Load(LoadSettings.builder().setLabel("rendered template").setMaxAliasesForCollections(50)
                .setAllowRecursiveKeys(false).setCodePointLimit(64 << 20).build());
    }

    private static String withoutChartName(final String helmName) {
        int slash = helmName.indexOf('/');
        return slash < 0 ? helmName : helmName.substring(slash + 1);
    }

    private static void add(final List<Section> sections, final @Nullable String source, final StringBuilder text) {
        if (source == null) {
            return;
        }
        String body = text.toString().stripTrailing();
        if (body.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
            return;
        }
        sections.add(new Section(source, body + "\n"));
    }
}
