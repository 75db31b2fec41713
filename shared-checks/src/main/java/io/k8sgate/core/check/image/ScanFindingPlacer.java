package io.k8sgate.core.check.image;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.ImageRef;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.trivy.ScanReport;
import io.k8sgate.core.input.trivy.ScanResult;
import io.k8sgate.core.input.trivy.TrivyReports;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.model.Suppression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Places a finding of a scan (misconfiguration, secret, licence): a finding inside an image goes to each deployed
 * image it belongs to, at the {@code image:} field of the first container running it and naming every workload; a
 * finding of an image nobody deploys is left out (the report is noted as unused); a finding a cluster scan made about
 * an object of the manifests (a Trivy-Operator configuration audit, the configuration results of {@code trivy k8s})
 * goes to that object; a finding of a file scan stays at its file and line.
 */
final class ScanFindingPlacer {
    private ScanFindingPlacer() {
    }

    /**
     * What a check makes of one item of a scan result.
     *
     * @param line        the line in the scanned file, 0 when unknown
     * @param severity    the severity
     * @param ruleKey     what identifies the item within its file (rule id, licence and package ...)
     * @param what        the message, without the place
     * @param properties  facts for the reports
     * @param suppression why it does not count, if an ignore file says so
     */
    record Item(int line, Severity severity, String ruleKey, String what, Map<String, String> properties,
            Optional<Suppression> suppression) {
    }

    /** Turns one item into a finding to place, or nothing when the item does not count (a passed check ...). */
    @FunctionalInterface
    interface ItemReader<T> {
        Optional<Item> read(TrivyReports trivy, ScanReport report, ScanResult result, T item, Severity unknown);
    }

    /** The placed findings of every item of every result of every report of the run. */
    static <T> List<Finding> collect(final CheckMetadata check, final CheckContext context,
            final Function<ScanResult, List<T>> items, final ItemReader<T> reader) {
        Optional<TrivyReports> trivy = context.attachment(TrivyReports.class);
        if (trivy.isEmpty()) {
            return List.of();
        }
        Severity unknown = ImageContext.settings(context).unknownSeverity();
        ImageUsage usage = ImageUsage.of(context);
        List<Finding> out = new ArrayList<>();
        trivy.get().reports().forEach(report -> {
            for (ScanResult result : report.results()) {
                for (T item : items.apply(result)) {
                    reader.read(trivy.get(), report, result, item, unknown).ifPresent(i -> place(check, usage,
                            report, result, i.line(), i.severity(), i.ruleKey(), i.what(), i.properties())
                            .forEach(f -> out.add(i.suppression().map(f::withSuppression).orElse(f))));
                }
            }
        });
        return out;
    }

    static List<Finding> place(final CheckMetadata check, final ImageUsage usage, final ScanReport report,
            final ScanResult result, final int line, final Severity severity, final String ruleKey,
            final String what, final Map<String, String> properties) {
        List<Finding> out = new ArrayList<>();
        if (report.isImage()) {
            for (ImageRef image : usage.imagesOf(report)) {
                List<String> deployments = ImageContext.deployments(usage.containersOf(image));
                Map<String, String> props = new LinkedHashMap<>(properties);
                props.put(ImageFindings.IMAGE_REFERENCE, image.canonical());
                props.put(FindingProperties.WORKLOADS, String.join(FindingProperties.SEPARATOR, deployments));
                props.put("target", result.target());
                out.add(ImageFindings.about(check, image, usage.containersOf(image), severity,
                        ruleKey + "\u001f" + result.target(), what + " in " + result.target()
                                + (line > 0 ? " line " + line : "") + " of image " + image.canonical()
                                + ", deployed by " + String.join(", ", deployments), props));
            }
            return out;
        }
        Map<String, String> props = new LinkedHashMap<>(properties);
        report.workload().ifPresent(w -> props.put(FindingProperties.WORKLOADS, w.display()));
        Optional<K8sObject> object = usage.objectOf(report);
        if (object.isPresent()) {
            props.put("target", result.target());
            out.add(ImageFindings.aboutObject(check, object.get(), severity, ruleKey, what + " in "
                    + object.get().ref().display() + " (" + report.workload().map(w -> w.display()).orElse("")
                    + " in the cluster scan)", props));
            return out;
        }
        out.add(ImageFindings.aboutFile(check, result.target(), line, severity, ruleKey,
                what + " in " + result.target() + (line > 0 ? " line " + line : ""), props));
        return out;
    }
}
