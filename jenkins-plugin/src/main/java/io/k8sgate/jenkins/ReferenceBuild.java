package io.k8sgate.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Items;
import hudson.model.Job;
import hudson.model.Run;
import io.k8sgate.core.frontend.ReferenceBuildRule;
import io.k8sgate.core.report.ReportFormat;
import java.io.File;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The build whose kept report is the reference for new-findings-only gating: the newest build, of this job or of
 * {@code referenceJob}, that {@link ReferenceBuildRule} accepts (the Warnings plugin's choice of reference build).
 */
final class ReferenceBuild {
    private ReferenceBuild() {
    }

    /**
     * Finds the reference build of {@code run}.
     *
     * @return the build, or {@code null} when no build qualifies
     * @throws AbortException when {@code referenceJob} names no job this build can see
     */
    static @CheckForNull Run<?, ?> find(final Run<?, ?> run, final SecurityGateStep step, final ReferenceBuildRule rule)
            throws AbortException {
        Run<?, ?> newest = run.getPreviousBuild();
        if (step.referenceJob != null && !step.referenceJob.isBlank()) {
            List<Job> jobs = Items.fromNameList(run.getParent().getParent(), step.referenceJob.trim(), Job.class);
            if (jobs.size() != 1) {
                throw new AbortException("referenceJob '" + step.referenceJob + "' is not a job this build can see");
            }
            newest = jobs.get(0).getLastBuild();
        }
        return Stream.<Run<?, ?>>iterate(newest, Objects::nonNull, Run::getPreviousBuild).filter(build -> {
            SecurityGateAction gate = build.getAction(SecurityGateAction.class);
            return rule.accepts(!build.isBuilding(), Objects.toString(build.getResult(), null),
                    gate == null ? null : gate.getStatus(), report(build).isFile());
        }).findFirst().orElse(null);
    }

    /** The JSON report a build kept. */
    static File report(final Run<?, ?> build) {
        return new File(SecurityGateAction.reportDirectory(build), ReportFormat.JSON.fileName());
    }
}
