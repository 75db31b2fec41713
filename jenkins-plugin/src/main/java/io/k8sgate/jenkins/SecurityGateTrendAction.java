package io.k8sgate.jenkins;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.k8sgate.core.report.TrendChart;
import io.k8sgate.core.report.TrendPoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import jenkins.model.TransientActionFactory;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The trend on the job page: counted findings of the last completed builds that ran the gate, failed builds included,
 * drawn by the engine as a static SVG image.
 */
public class SecurityGateTrendAction implements Action {
    /** How many of the newest builds are looked at, so that a long history is not loaded for one chart. */
    static final int SCANNED_BUILDS = 2 * TrendChart.MAX_POINTS;

    private final Job<?, ?> job;

    SecurityGateTrendAction(final Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "K8s Security Trend";
    }

    @Override
    public String getUrlName() {
        return "k8s-security-trend";
    }

    /** True when some build has a gate result, so that the job page shows the chart. */
    public boolean hasResults() {
        return !points().isEmpty();
    }

    /** The points of the chart, oldest first: completed builds that ran the gate, failed ones included. */
    List<TrendPoint> points() {
        return TrendChart.latest(job.getBuilds().limit(SCANNED_BUILDS).stream()
                .flatMap(SecurityGateTrendAction::point));
    }

    private static Stream<TrendPoint> point(final Run<?, ?> build) {
        SecurityGateAction gate = build.isBuilding() ? null : build.getAction(SecurityGateAction.class);
        return gate == null ? Stream.empty()
                : Stream.of(TrendPoint.of(build.getDisplayName(), gate.getStatus(), gate.getCounted()));
    }

    /** Serves {@code chart.svg}. */
    public void doChart(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        rsp.setContentType("image/svg+xml;charset=UTF-8");
        rsp.setHeader("Cache-Control", "no-cache");
        try (PrintWriter out = rsp.getWriter()) {
            out.print(TrendChart.svg(points()));
        }
    }

    /** Adds the trend to every job. */
    @Extension
    @SuppressWarnings("rawtypes") // TransientActionFactory is declared over the raw Job type
    public static class Factory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @Override
        public Collection<? extends Action> createFor(final Job target) {
            return List.of(new SecurityGateTrendAction(target));
        }
    }
}
