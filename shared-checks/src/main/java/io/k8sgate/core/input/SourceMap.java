package io.k8sgate.core.input;

import io.k8sgate.core.model.Location;
import java.util.Map;
import java.util.Optional;

/**
 * Leads places in rendered output back to the files a person edits. Objects a chart or kustomization produced are
 * read from their rendered text, so checks report places in that text; this map turns such a place (and the field
 * path of the finding) into the template, base or patch file and line, and keeps the rendered place available.
 */
public final class SourceMap {
    /** No rendered inputs. */
    public static final SourceMap EMPTY = new SourceMap(Map.of());

    /**
     * Where a finding on a rendered object belongs.
     *
     * @param source     the template, base or patch file and line a person edits
     * @param rendered   the place in the rendered output: its line and the command that prints that output
     * @param producedBy the chart or kustomization that produced the object ({@code RenderedSource#describe()})
     * @param hook       the object's {@code helm.sh/hook} annotation when it is a Helm hook, empty otherwise
     */
    public record Placed(Location source, String rendered, String producedBy, String hook) {
    }

    /** One rendered text: a kustomization's output, or one template of a chart. */
    interface Unit {
        /** Where a line of the text (and a field of the object there) belongs. */
        Placed place(int line, String fieldPath);
    }

    private final Map<String, Unit> units;

    SourceMap(final Map<String, Unit> units) {
        this.units = Map.copyOf(units);
    }

    /** True when nothing was rendered. */
    public boolean isEmpty() {
        return units.isEmpty();
    }

    /** True when {@code file} names rendered output (rather than a file on disk). */
    public boolean isRendered(final String file) {
        return units.containsKey(file);
    }

    /**
     * Where a place in rendered output belongs; empty for a place in a plain file.
     *
     * @param at        the place, as a check or the parser reported it
     * @param fieldPath the finding's field path, empty when there is none
     */
    public Optional<Placed> place(final Location at, final String fieldPath) {
        Unit unit = units.get(at.file());
        return unit == null ? Optional.empty() : Optional.of(unit.place(at.line(), fieldPath));
    }

    /**
     * A place as a message cites it ({@code file:line}): for rendered output, the template, base or patch file and
     * line a person edits, as findings are placed; otherwise the place itself. Every message that cites another
     * object's place goes through here, so it names the same file and line a finding on that object would.
     */
    public String cite(final Location at) {
        return place(at, "").map(p -> p.source().toString()).orElse(at.toString());
    }
}
