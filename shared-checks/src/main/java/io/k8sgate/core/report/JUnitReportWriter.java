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
 * check so that the file stays readable, and a failure lists at most {@link #MAX_DETAILS} findings. Every value from
 * the inputs is written without the characters XML 1.0 forbids ({@link Text#xml}).
 */
public final class JUnitReportWriter implements ReportWriter {
    /** The most passing test cases listed one by one. */
    static final int MAX_PASSING_CASES = 50_000;
    /** The most findings listed in the failure of one test case; the JSON report has them all. */
    static final int MAX_DETAILS = 200;

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
        attribute(xml, "name", "k8s-security-gate");
        attribute(xml, "failures", Integer.toString(failures));
        attribute(xml, "errors", Integer.toString(errors.size()));
        xml.writeCharacters("\n");
        if (!errors.isEmpty() || !o.diagnostics().isEmpty() || !o.inputs().isEmpty()) {
            inputs(o.diagnostics(), o.inputs(), xml);
        }
        for (var entry : byCheck.entrySet()) {
            String id = entry.getKey();
            Map<ResourceRef, List<Finding>> found = entry.getValue();
            List<ResourceRef> cases = new ArrayList<>(found.keySet());
            int passing;
            if (listPassing) {
                for (ResourceRef r : resources) {
                    if (!found.containsKey(r)) {
                        cases.add(r);
                    }
                }
                passing = cases.size() - found.size();
            } else {
                // counted from the findings: the resources without one, without visiting every resource per check
                int foundAmongResources = 0;
                for (ResourceRef r : found.keySet()) {
                    if (resources.contains(r)) {
                        foundAmongResources++;
                    }
                }
                passing = resources.size() - foundAmongResources;
            }
            int failed = (int) found.values().stream().filter(l -> l.stream().anyMatch(f -> !f.isSuppressed()))
                    .count();
            int skipped = found.size() - failed;
            int tests = found.size() + (listPassing ? passing : passing > 0 ? 1 : 0);
            xml.writeStartElement("testsuite");
            attribute(xml, "name", id + " " + titles.get(id));
            attribute(xml, "tests", Integer.toString(tests));
            attribute(xml, "failures", Integer.toString(failed));
            attribute(xml, "errors", "0");
            attribute(xml, "skipped", Integer.toString(skipped));
            xml.writeCharacters("\n");
            for (ResourceRef r : cases) {
                testCase(id, r, found.getOrDefault(r, List.of()), xml);
            }
            if (!listPassing && passing > 0) {
                xml.writeStartElement("testcase");
                attribute(xml, "classname", "k8s-security." + id);
                attribute(xml, "name", passing + " other resource(s)");
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
        attribute(xml, "name", "inputs");
        attribute(xml, "tests", Integer.toString(Math.max(errors.size() + others, 1)));
        attribute(xml, "failures", "0");
        attribute(xml, "errors", Integer.toString(errors.size()));
        attribute(xml, "skipped", Integer.toString(inputs.skipped().size()));
        xml.writeCharacters("\n");
        for (RenderedSource r : inputs.rendered()) {
            xml.writeStartElement("testcase");
            attribute(xml, "classname", "k8s-security.inputs");
            attribute(xml, "name", "rendered " + r.describe());
            attribute(xml, "file", r.path());
            xml.writeStartElement("system-out");
            xml.writeCharacters(Text.xml(r.objects().size() + " object(s) from `" + r.command() + "`:\n"
                    + r.objects().stream().map(ob -> "  " + ob.resource().display() + " " + ob.source()
                            + (ob.isHook() ? " (Helm hook " + ob.hook() + ")" : "") + "\n")
                    .collect(Collectors.joining())));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        for (SkippedInput k : inputs.skipped()) {
            xml.writeStartElement("testcase");
            attribute(xml, "classname", "k8s-security.inputs");
            attribute(xml, "name", k.location().toString());
            attribute(xml, "file", k.location().file());
            xml.writeStartElement("skipped");
            attribute(xml, "message", k.reason());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        if (errors.isEmpty() && others == 0) {
            xml.writeStartElement("testcase");
            attribute(xml, "classname", "k8s-security.inputs");
            attribute(xml, "name", "all inputs readable");
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        for (Diagnostic d : errors) {
            xml.writeStartElement("testcase");
            attribute(xml, "classname", "k8s-security.inputs");
            attribute(xml, "name", d.location().toString());
            attribute(xml, "file", d.location().file());
            xml.writeStartElement("error");
            attribute(xml, "type", d.code());
            attribute(xml, "message", d.message());
            xml.writeCharacters(Text.xml(d.toString()));
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
        attribute(xml, "classname", "k8s-security." + id);
        attribute(xml, "name", r.display());
        if (!findings.isEmpty()) {
            attribute(xml, "file", findings.get(0).location().file());
            if (findings.get(0).location().line() > 0) {
                attribute(xml, "line", Integer.toString(findings.get(0).location().line()));
            }
        }
        List<Finding> active = findings.stream().filter(f -> !f.isSuppressed()).toList();
        if (!active.isEmpty()) {
            xml.writeStartElement("failure");
            attribute(xml, "type", active.get(0).severity().name());
            attribute(xml, "message", active.get(0).message()
                    + (active.size() > 1 ? " (and " + (active.size() - 1) + " more)" : ""));
            xml.writeCharacters(details(active));
            xml.writeEndElement();
        } else if (!findings.isEmpty()) {
            xml.writeStartElement("skipped");
            attribute(xml, "message", "suppressed: " + findings.get(0).suppression().map(s -> s.reason())
                    .orElse(""));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** The findings of one test case, at most {@link #MAX_DETAILS} of them, each value made safe for XML. */
    private static String details(final List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings.subList(0, Math.min(findings.size(), MAX_DETAILS))) {
            sb.append(f.severity()).append(' ').append(Text.xml(f.location().toString())).append(' ')
                    .append(Text.xml(f.fieldPath())).append('\n')
                    .append("  ").append(Text.xml(f.message())).append('\n');
            String hook = f.properties().getOrDefault(FindingProperties.HELM_HOOK, "");
            if (!hook.isEmpty()) {
                sb.append("  Helm hook: ").append(Text.xml(hook)).append('\n');
            }
            String rendered = f.properties().getOrDefault(FindingProperties.RENDERED, "");
            if (!rendered.isEmpty()) {
                sb.append("  Rendered: ").append(Text.xml(rendered)).append(" (")
                        .append(Text.xml(f.properties().getOrDefault(FindingProperties.PRODUCED_BY, ""))).append(")\n");
            }
            sb.append("  Fix: ").append(Text.xml(f.remediation())).append('\n');
        }
        if (findings.size() > MAX_DETAILS) {
            sb.append("... and ").append(findings.size() - MAX_DETAILS).append(" more finding(s) in ")
                    .append(ReportFormat.JSON.fileName()).append('\n');
        }
        return sb.toString();
    }

    /**
     * An attribute whose value may come from the inputs: characters XML 1.0 forbids (controls, unpaired surrogates,
     * U+FFFE, U+FFFF) are replaced, so that the file stays well-formed for Jenkins' junit step; long values are cut.
     */
    private static void attribute(final XMLStreamWriter xml, final String name, final String value)
            throws XMLStreamException {
        xml.writeAttribute(name, Text.xml(value));
    }
}
