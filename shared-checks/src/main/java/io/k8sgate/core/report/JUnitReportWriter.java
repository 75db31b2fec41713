package io.k8sgate.core.report;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.InputSummary;
import io.k8sgate.core.model.RenderedSource;
import io.k8sgate.core.model.SkippedInput;
import io.k8sgate.core.model.ResourceRef;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for Jenkins' {@code junit} step and GitLab: one test suite per check, one test case per check and
 * resource. A finding is a failure; a suppressed finding is a skipped test; input errors are errors of an
 * {@code inputs} suite. Above {@link #MAX_PASSING_CASES} check-resource pairs, passing cases are folded into one per
 * check so that the file stays readable.
 */
public final class JUnitReportWriter implements ReportWriter {
    /** The most passing test cases listed one by one. */
    static final int MAX_PASSING_CASES = 50_000;

    @Override
    public void write(final GateOutcome outcome, final OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            write(outcome, xml);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Cannot write the JUnit report", e);
        }
    }

    private static void write(final GateOutcome o, final XMLStreamWriter xml) throws XMLStreamException {
        Set<ResourceRef> resources = new LinkedHashSet<>(o.resources());
        boolean listPassing = (long) resources.size() * o.checks().size() <= MAX_PASSING_CASES;
        Map<String, Map<ResourceRef, List<Finding>>> byCheck = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (CheckMetadata m : o.checks()) {
            byCheck.put(m.id(), new LinkedHashMap<>());
            titles.put(m.id(), m.title());
        }
        for (Finding f : o.findings()) {
            byCheck.computeIfAbsent(f.checkId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(f.resource(), k -> new ArrayList<>()).add(f);
            titles.putIfAbsent(f.checkId(), f.title());
        }
        List<Diagnostic> errors = o.diagnostics().stream().filter(Diagnostic::isError).toList();
        int failures = (int) byCheck.values().stream().flatMap(m -> m.values().stream())
                .filter(l -> l.stream().anyMatch(f -> !f.isSuppressed())).count();
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "k8s-security-gate");
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", Integer.toString(errors.size()));
        xml.writeCharacters("\n");
        if (!errors.isEmpty() || !o.diagnostics().isEmpty() || !o.inputs().isEmpty()) {
            inputs(o.diagnostics(), o.inputs(), xml);
        }
        for (var entry : byCheck.entrySet()) {
            String id = entry.getKey();
            Map<ResourceRef, List<Finding>> found = entry.getValue();
            List<ResourceRef> cases = new ArrayList<>(found.keySet());
            int passing = 0;
            for (ResourceRef r : resources) {
                if (!found.containsKey(r)) {
                    passing++;
                    if (listPassing) {
                        cases.add(r);
                    }
                }
            }
            int failed = (int) found.values().stream().filter(l -> l.stream().anyMatch(f -> !f.isSuppressed()))
                    .count();
            int skipped = found.size() - failed;
            int tests = found.size() + (listPassing ? passing : passing > 0 ? 1 : 0);
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", id + " " + titles.get(id));
            xml.writeAttribute("tests", Integer.toString(tests));
            xml.writeAttribute("failures", Integer.toString(failed));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Integer.toString(skipped));
            xml.writeCharacters("\n");
            for (ResourceRef r : cases) {
                testCase(id, r, found.getOrDefault(r, List.of()), xml);
            }
            if (!listPassing && passing > 0) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "k8s-security." + id);
                xml.writeAttribute("name", passing + " other resource(s)");
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /**
     * The inputs suite: an error per input that could not be read, a passing case per rendered chart or
     * kustomization (naming what produced the objects), a skipped case per document left out as not a Kubernetes
     * object.
     */
    private static void inputs(final List<Diagnostic> diagnostics, final InputSummary inputs,
            final XMLStreamWriter xml) throws XMLStreamException {
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
        int others = inputs.rendered().size() + inputs.skipped().size();
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "inputs");
        xml.writeAttribute("tests", Integer.toString(Math.max(errors.size() + others, 1)));
        xml.writeAttribute("failures", "0");
        xml.writeAttribute("errors", Integer.toString(errors.size()));
        xml.writeAttribute("skipped", Integer.toString(inputs.skipped().size()));
        xml.writeCharacters("\n");
        for (RenderedSource r : inputs.rendered()) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "k8s-security.inputs");
            xml.writeAttribute("name", "rendered " + r.describe());
            xml.writeAttribute("file", r.path());
            xml.writeStartElement("system-out");
            xml.writeCharacters(r.objects().size() + " object(s) from `" + r.command() + "`:\n" + r.objects()
                    .stream().map(ob -> "  " + ob.resource().display() + " " + ob.source()
                            + (ob.isHook() ? " (Helm hook " + ob.hook() + ")" : "") + "\n")
                    .collect(Collectors.joining()));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        for (SkippedInput k : inputs.skipped()) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "k8s-security.inputs");
            xml.writeAttribute("name", k.location().toString());
            xml.writeAttribute("file", k.location().file());
            xml.writeStartElement("skipped");
            xml.writeAttribute("message", k.reason());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        if (errors.isEmpty() && others == 0) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "k8s-security.inputs");
            xml.writeAttribute("name", "all inputs readable");
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        for (Diagnostic d : errors) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "k8s-security.inputs");
            xml.writeAttribute("name", d.location().toString());
            xml.writeAttribute("file", d.location().file());
            xml.writeStartElement("error");
            xml.writeAttribute("type", d.code());
            xml.writeAttribute("message", d.message());
            xml.writeCharacters(d.toString());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void testCase(final String id, final ResourceRef r, final List<Finding> findings,
            final XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "k8s-security." + id);
        xml.writeAttribute("name", r.display());
        if (!findings.isEmpty()) {
            xml.writeAttribute("file", findings.get(0).location().file());
            if (findings.get(0).location().line() > 0) {
                xml.writeAttribute("line", Integer.toString(findings.get(0).location().line()));
            }
        }
        List<Finding> active = findings.stream().filter(f -> !f.isSuppressed()).toList();
        if (!active.isEmpty()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", active.get(0).severity().name());
            xml.writeAttribute("message", active.get(0).message()
                    + (active.size() > 1 ? " (and " + (active.size() - 1) + " more)" : ""));
            xml.writeCharacters(details(active));
            xml.writeEndElement();
        } else if (!findings.isEmpty()) {
            xml.writeStartElement("skipped");
            xml.writeAttribute("message", "suppressed: " + findings.get(0).suppression().map(s -> s.reason())
                    .orElse(""));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static String details(final List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append(f.severity()).append(' ').append(f.location()).append(' ').append(f.fieldPath()).append('\n')
                    .append("  ").append(f.message()).append('\n');
            String hook = f.properties().getOrDefault(FindingProperties.HELM_HOOK, "");
            if (!hook.isEmpty()) {
                sb.append("  Helm hook: ").append(hook).append('\n');
            }
            String rendered = f.properties().getOrDefault(FindingProperties.RENDERED, "");
            if (!rendered.isEmpty()) {
                sb.append("  Rendered: ").append(rendered).append(" (")
                        .append(f.properties().getOrDefault(FindingProperties.PRODUCED_BY, "")).append(")\n");
            }
            sb
                    .append("  Fix: ").append(f.remediation()).append('\n');
        }
        return sb.toString();
    }
}
