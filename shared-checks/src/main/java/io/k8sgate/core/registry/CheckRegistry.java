package io.k8sgate.core.registry;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.rbac.AnonymousBindingCheck;
import io.k8sgate.core.check.rbac.BroadGroupBindingCheck;
import io.k8sgate.core.check.rbac.ClusterAdminGrantCheck;
import io.k8sgate.core.check.rbac.ConfigMapWriteCheck;
import io.k8sgate.core.check.rbac.CsrApprovalCheck;
import io.k8sgate.core.check.rbac.DefaultRoleAggregationCheck;
import io.k8sgate.core.check.rbac.DefaultServiceAccountBindingCheck;
import io.k8sgate.core.check.rbac.EscalationPathCheck;
import io.k8sgate.core.check.rbac.ImpersonationCheck;
import io.k8sgate.core.check.rbac.IneffectiveRuleCheck;
import io.k8sgate.core.check.rbac.NamespaceModificationCheck;
import io.k8sgate.core.check.rbac.NetworkWriteCheck;
import io.k8sgate.core.check.rbac.NodeProxyCheck;
import io.k8sgate.core.check.rbac.PersistentVolumeCreationCheck;
import io.k8sgate.core.check.rbac.PodCreationCheck;
import io.k8sgate.core.check.rbac.PodExecCheck;
import io.k8sgate.core.check.rbac.PrivilegedTokenMountCheck;
import io.k8sgate.core.check.rbac.RbacObjectWriteCheck;
import io.k8sgate.core.check.rbac.RoleEscalationCheck;
import io.k8sgate.core.check.rbac.SecretsAccessCheck;
import io.k8sgate.core.check.rbac.SystemMastersBindingCheck;
import io.k8sgate.core.check.rbac.TokenCreationCheck;
import io.k8sgate.core.check.rbac.UndefinedRoleBindingCheck;
import io.k8sgate.core.check.rbac.WebhookConfigurationCheck;
import io.k8sgate.core.check.rbac.WildcardRuleCheck;
import io.k8sgate.core.check.exposure.EgressIsolationCheck;
import io.k8sgate.core.check.exposure.IngressTlsCheck;
import io.k8sgate.core.check.exposure.LoadBalancerSourceRangesCheck;
import io.k8sgate.core.check.exposure.NamespacePodSecurityCheck;
import io.k8sgate.core.check.exposure.NetworkPolicyCoverageCheck;
import io.k8sgate.core.check.exposure.NodePortServiceCheck;
import io.k8sgate.core.check.exposure.SshPortCheck;
import io.k8sgate.core.check.image.ArtifactVulnerabilityCheck;
import io.k8sgate.core.check.image.EndOfLifeBaseImageCheck;
import io.k8sgate.core.check.image.ImageNotPinnedCheck;
import io.k8sgate.core.check.image.MissingScanReportCheck;
import io.k8sgate.core.check.image.RegistryNotAllowedCheck;
import io.k8sgate.core.check.image.RestrictedLicenseCheck;
import io.k8sgate.core.check.image.ScanMisconfigurationCheck;
import io.k8sgate.core.check.image.ScanSecretCheck;
import io.k8sgate.core.check.image.VulnerableImageCheck;
import io.k8sgate.core.check.secrets.AnnotationCredentialCheck;
import io.k8sgate.core.check.secrets.ConfigMapCredentialCheck;
import io.k8sgate.core.check.version.DeprecatedApiVersionCheck;
import io.k8sgate.core.check.version.RemovedApiVersionCheck;
import io.k8sgate.core.check.workload.AllowPrivilegeEscalationCheck;
import io.k8sgate.core.check.workload.AppArmorProfileCheck;
import io.k8sgate.core.check.workload.AutomountServiceAccountTokenCheck;
import io.k8sgate.core.check.workload.BaselineCapabilitiesCheck;
import io.k8sgate.core.check.workload.CpuLimitsCheck;
import io.k8sgate.core.check.workload.CpuRequestsCheck;
import io.k8sgate.core.check.workload.CredentialInCommandCheck;
import io.k8sgate.core.check.workload.DefaultNamespaceCheck;
import io.k8sgate.core.check.workload.DropAllCapabilitiesCheck;
import io.k8sgate.core.check.workload.HostIpcCheck;
import io.k8sgate.core.check.workload.HostNetworkCheck;
import io.k8sgate.core.check.workload.HostPathVolumeCheck;
import io.k8sgate.core.check.workload.HostPidCheck;
import io.k8sgate.core.check.workload.HostPortCheck;
import io.k8sgate.core.check.workload.HostProbeCheck;
import io.k8sgate.core.check.workload.HostProcessCheck;
import io.k8sgate.core.check.workload.ImagePullPolicyCheck;
import io.k8sgate.core.check.workload.ImageTagCheck;
import io.k8sgate.core.check.workload.LivenessProbeCheck;
import io.k8sgate.core.check.workload.MemoryLimitsCheck;
import io.k8sgate.core.check.workload.MemoryRequestsCheck;
import io.k8sgate.core.check.workload.PrivilegedContainerCheck;
import io.k8sgate.core.check.workload.ProcMountCheck;
import io.k8sgate.core.check.workload.ReadOnlyRootFilesystemCheck;
import io.k8sgate.core.check.workload.ReadinessProbeCheck;
import io.k8sgate.core.check.workload.RestrictedCapabilitiesCheck;
import io.k8sgate.core.check.workload.RestrictedProcMountCheck;
import io.k8sgate.core.check.workload.RestrictedVolumeTypeCheck;
import io.k8sgate.core.check.workload.RunAsNonRootCheck;
import io.k8sgate.core.check.workload.RunAsRootUserCheck;
import io.k8sgate.core.check.workload.RuntimeSocketMountCheck;
import io.k8sgate.core.check.workload.SeLinuxOptionsCheck;
import io.k8sgate.core.check.workload.SeccompProfileCheck;
import io.k8sgate.core.check.workload.SeccompUnconfinedCheck;
import io.k8sgate.core.check.workload.SecretInEnvCheck;
import io.k8sgate.core.check.workload.UnsafeSysctlCheck;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.CheckOverride;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of checks: an explicit list, so that a check exists only when it is named here. Ids are unique and
 * the list is kept sorted by id.
 */
public final class CheckRegistry {
    private static final CheckRegistry DEFAULT = new CheckRegistry(List.of(
            new ClusterAdminGrantCheck(),
            new WildcardRuleCheck(),
            new AnonymousBindingCheck(),
            new BroadGroupBindingCheck(),
            new RoleEscalationCheck(),
            new ImpersonationCheck(),
            new SecretsAccessCheck(),
            new PodCreationCheck(),
            new PodExecCheck(),
            new NodeProxyCheck(),
            new TokenCreationCheck(),
            new CsrApprovalCheck(),
            new WebhookConfigurationCheck(),
            new PersistentVolumeCreationCheck(),
            new NamespaceModificationCheck(),
            new DefaultRoleAggregationCheck(),
            new DefaultServiceAccountBindingCheck(),
            new PrivilegedTokenMountCheck(),
            new EscalationPathCheck(),
            new SystemMastersBindingCheck(),
            new RbacObjectWriteCheck(),
            new NetworkWriteCheck(),
            new IneffectiveRuleCheck(),
            new ConfigMapWriteCheck(),
            new UndefinedRoleBindingCheck(),
            new NodePortServiceCheck(),
            new LoadBalancerSourceRangesCheck(),
            new SshPortCheck(),
            new IngressTlsCheck(),
            new NetworkPolicyCoverageCheck(),
            new NamespacePodSecurityCheck(),
            new EgressIsolationCheck(),
            new RemovedApiVersionCheck(),
            new DeprecatedApiVersionCheck(),
            new PrivilegedContainerCheck(),
            new HostNetworkCheck(),
            new HostPidCheck(),
            new HostIpcCheck(),
            new HostPathVolumeCheck(),
            new HostPortCheck(),
            new BaselineCapabilitiesCheck(),
            new AppArmorProfileCheck(),
            new SeLinuxOptionsCheck(),
            new ProcMountCheck(),
            new SeccompUnconfinedCheck(),
            new UnsafeSysctlCheck(),
            new HostProcessCheck(),
            new HostProbeCheck(),
            new RestrictedVolumeTypeCheck(),
            new AllowPrivilegeEscalationCheck(),
            new RunAsNonRootCheck(),
            new RunAsRootUserCheck(),
            new SeccompProfileCheck(),
            new DropAllCapabilitiesCheck(),
            new RestrictedCapabilitiesCheck(),
            new RestrictedProcMountCheck(),
            new ReadOnlyRootFilesystemCheck(),
            new CpuRequestsCheck(),
            new CpuLimitsCheck(),
            new MemoryRequestsCheck(),
            new MemoryLimitsCheck(),
            new ImageTagCheck(),
            new ImagePullPolicyCheck(),
            new LivenessProbeCheck(),
            new ReadinessProbeCheck(),
            new AutomountServiceAccountTokenCheck(),
            new DefaultNamespaceCheck(),
            new SecretInEnvCheck(),
            new RuntimeSocketMountCheck(),
            new CredentialInCommandCheck(),
            new ConfigMapCredentialCheck(),
            new AnnotationCredentialCheck(),
            new VulnerableImageCheck(),
            new MissingScanReportCheck(),
            new RegistryNotAllowedCheck(),
            new ImageNotPinnedCheck(),
            new EndOfLifeBaseImageCheck(),
            new ScanMisconfigurationCheck(),
            new ScanSecretCheck(),
            new RestrictedLicenseCheck(),
            new ArtifactVulnerabilityCheck()), List.of(
            new RetiredCheck("K8S-WL-056", "K8S-IMG-004", "0.1.0", "it reported the same fact as K8S-IMG-004 (an "
                    + "image without a well-formed digest), which the image policy's requireDigest turns on.")));

    private final Map<String, Check> checks;
    private final Map<String, RetiredCheck> retired;

    /**
     * A registry of the given checks.
     *
     * @throws IllegalArgumentException when two checks share an id or an id does not follow {@code K8S-AREA-NNN}
     */
    public CheckRegistry(final List<Check> list) {
        this(list, List.of());
    }

    /**
     * A registry of the given checks and the ids retired in favour of them.
     *
     * @throws IllegalArgumentException when two checks share an id, an id does not follow {@code K8S-AREA-NNN}, a check
     *                                  overrides itself through a chain of overrides, a
     *                                  retired id is still a check's, or a successor is not among the checks
     */
    public CheckRegistry(final List<Check> list, final List<RetiredCheck> retiredIds) {
        List<Check> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing(c -> c.metadata().id()));
        Map<String, Check> byId = new LinkedHashMap<>();
        for (Check check : sorted) {
            String id = check.metadata().id();
            if (!CheckMetadata.ID_PATTERN.matcher(id).matches()) {
                throw new IllegalArgumentException("Check id '" + id + "' of " + check.getClass().getName()
                        + " does not follow K8S-<AREA>-<NNN>");
            }
            if (byId.putIfAbsent(id, check) != null) {
                throw new IllegalArgumentException("Duplicate check id " + id + ": " + check.getClass().getName()
                        + " and " + byId.get(id).getClass().getName());
            }
        }
        this.checks = byId;
        checkOverrides(byId);
        Map<String, RetiredCheck> old = new LinkedHashMap<>();
        for (RetiredCheck r : retiredIds) {
            if (byId.containsKey(r.id())) {
                throw new IllegalArgumentException("Retired id " + r.id() + " is a check's id: ids are never reused");
            }
            if (!byId.containsKey(r.successor())) {
                throw new IllegalArgumentException("The successor " + r.successor() + " of retired id " + r.id()
                        + " is not a check");
            }
            if (old.putIfAbsent(r.id(), r) != null) {
                throw new IllegalArgumentException("Retired id " + r.id() + " is listed twice");
            }
        }
        this.retired = old;
    }

    /** The built-in catalogue. */
    public static CheckRegistry defaultRegistry() {
        return DEFAULT;
    }

    /** Every check, sorted by id. */
    public List<Check> all() {
        return List.copyOf(checks.values());
    }

    /** The retired ids, by id. */
    public Map<String, RetiredCheck> retired() {
        return java.util.Collections.unmodifiableMap(retired);
    }

    /** The retired ids whose findings the given check now reports. */
    public List<RetiredCheck> retiredInFavourOf(final String successor) {
        return retired.values().stream().filter(r -> r.successor().equals(successor)).toList();
    }

    /** The check with the given id. */
    public Optional<Check> byId(final String id) {
        return Optional.ofNullable(checks.get(id));
    }

    /**
     * No chain of overrides among the registered checks comes back to where it started (two checks that replaced each
     * other would both vanish). A relation to a check the catalogue does not hold applies to nothing.
     */
    private static void checkOverrides(final Map<String, Check> byId) {
        for (Check check : byId.values()) {
            String id = check.metadata().id();
            Deque<CheckMetadata> open = new ArrayDeque<>();
            Set<String> seen = new HashSet<>();
            open.push(check.metadata());
            while (!open.isEmpty()) {
                CheckMetadata at = open.pop();
                for (CheckOverride o : at.overrides()) {
                    Check weaker = byId.get(o.checkId());
                    if (weaker == null) {
                        continue; // not in this catalogue: the relation has nothing to apply to
                    }
                    if (o.checkId().equals(id)) {
                        throw new IllegalArgumentException(id + " overrides itself through " + at.id());
                    }
                    if (seen.add(o.checkId())) {
                        open.push(weaker.metadata());
                    }
                }
            }
        }
    }
}
