package io.k8sgate.core.model;

import java.util.regex.Pattern;

/**
 * The ids of the team's own rules, kept apart from the built-in checks' {@code K8S-<AREA>-<NNN>}: custom checks of
 * the policy file have ids of their own ({@code ACME-001}), and a ValidatingAdmissionPolicy is the check
 * {@code VAP-<policy name>}. The ids name rules in the policy's {@code checks} and {@code exceptions}, in exemption
 * annotations, in baselines and in every report.
 */
public final class RuleIds {
    /** Custom check ids: upper-case words of letters and digits joined by hyphens, at least two of them. */
    public static final Pattern CUSTOM = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");
    /** The longest id (so that the exemption annotation {@code k8sgate.io/exempt.<id>} stays a valid key). */
    public static final int MAX_LENGTH = 56;
    /** What every built-in check id starts with. */
    public static final String BUILT_IN_PREFIX = "K8S-";
    /** What every admission policy's id starts with. */
    public static final String ADMISSION_PREFIX = "VAP-";
    /** Admission policy ids: the prefix and the policy's name (a DNS subdomain). */
    public static final Pattern ADMISSION = Pattern.compile("VAP-[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    private RuleIds() {
    }

    /** The id of the check that stands for a ValidatingAdmissionPolicy. */
    public static String admission(final String policyName) {
        return ADMISSION_PREFIX + policyName;
    }

    /** True for the id of an admission policy. */
    public static boolean isAdmission(final String id) {
        return ADMISSION.matcher(id).matches();
    }

    /** True when {@code id} may name a custom check: the custom form, and neither a built-in nor an admission id. */
    public static boolean isCustom(final String id) {
        return CUSTOM.matcher(id).matches() && id.length() <= MAX_LENGTH && !id.startsWith(BUILT_IN_PREFIX)
                && !id.startsWith(ADMISSION_PREFIX);
    }
}
