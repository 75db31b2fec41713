package io.k8sgate.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Items;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.report.ReportFormat;
import java.io.File;
import java.util.List;

/**
 * The build whose kept report is the reference for new-findings-only gating, chosen as the Warnings plugin chooses its
 * reference build: the newest completed build (of this job, or of {@code referenceJob}) whose result is at least
 * {@code requiredResult} and that ran the gate, and, unless {@code ignoreQualityGate}, whose gate passed. So a build
 * that failed or warned never becomes the reference by itself: its new findings stay new until they are fixed or the
 * user accepts them, instead of turning into known findings by running the build again.
 */
final class ReferenceBuild {
    /** Successful and unstable builds qualify, as with the Warnings plugin's reference build. */
    static final String DEFAULT_REQUIRED_RESULT = "UNSTABLE";

    private ReferenceBuild() {
    }

    /**
     * Finds the reference build of {@code run}.
     *
     * @return the build, or {@code null} when no build qualifies
     * @throws AbortException when the step's reference parameters are wrong
     */
    static @CheckForNull Run<?, ?> find(final Run<?, ?> run, final SecurityGateStep step) throws AbortException {
        Result required = switch (step.getRequiredResult()) {
            case "SUCCESS" -> Result.SUCCESS;
            case "UNSTABLE" -> Result.UNSTABLE;
            default -> throw new AbortException("requiredResult '" + step.getRequiredResult()
                    + "' is neither SUCCESS nor UNSTABLE");
        };
        Run<?, ?> candidate = run.getPreviousBuild();
        if (!step.getReferenceJob().isEmpty()) {
            List<Job> jobs = Items.fromNameList(run.getParent().getParent(), step.getReferenceJob(), Job.class);
            if (jobs.size() != 1) {
                throw new AbortException("referenceJob '" + step.getReferenceJob()
                        + "' is not a job this build can see");
            }
            candidate = jobs.get(0).getLastBuild();
        }
        for (; candidate != null; candidate = candidate.getPreviousBuild()) {
            SecurityGateAction gate = candidate.getAction(SecurityGateAction.class);
            Result result = candidate.getResult();
            if (!candidate.isBuilding() && result != null && result.isBetterOrEqualTo(required) && gate != null
                    && (step.isIgnoreQualityGate() || GateStatus.PASS.name().equals(gate.getStatus()))
                    && report(candidate).isFile()) {
                return candidate;
            }
        }
        return null;
    }

    /** The JSON report a build kept. */
    static File report(final Run<?, ?> build) {
        return new File(SecurityGateAction.reportDirectory(build), ReportFormat.JSON.fileName());
    }
}
