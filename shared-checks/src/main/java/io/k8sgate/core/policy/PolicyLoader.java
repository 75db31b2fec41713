package io.k8sgate.core.policy;

import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.check.custom.CustomCheck;
import io.k8sgate.core.input.LoaderLimits;
import io.k8sgate.core.input.WorkloadKinds;
import io.k8sgate.core.input.YamlDocument;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.input.YamlParser;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.core.registry.RetiredCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code k8s-security.yaml}. Strict: an unknown key or a malformed value is an error naming file and line, so
 * a typo never silently weakens the gate.
 */
public final class PolicyLoader {
    private static final Set<String> TOP_LEVEL = Set.of("failOn", "warnOn", "failOnInputError", "newFindingsOnly",
            "allowInManifestExemptions", "enableAll", "targetKubernetesVersion", "checks", "exceptions", "images",
            "workloadKinds", "inputs", "customChecks");
    private static final Set<String> CHECK_KEYS = Set.of("enabled", "severity", "options");
    private static final Set<String> EXCEPTION_KEYS = Set.of("check", "checks", "kind", "namespace", "name",
            "container", "owner", "reason", "expires");

    /** The code of the warnings about a retired check id or option the policy still uses. */
    public static final String RETIRED = "policy-retired";

    private final Set<String> knownCheckIds;
    private final CheckRegistry registry;

    /**
     * A loader that accepts the given check ids in {@code checks} and {@code exceptions}, and reads the built-in
     * catalogue's retired ids and options.
     *
     * @param knownCheckIds the registry's ids; a policy naming another id is an error (a typo would otherwise do
     *                      nothing)
     */
    public PolicyLoader(final Set<String> knownCheckIds) {
        this(knownCheckIds, CheckRegistry.defaultRegistry());
    }

    /**
     * A loader that accepts the given check ids, reads retired ids as their successors in {@code registry} and
     * checks the options of the registry's checks against those each declares.
     */
    public PolicyLoader(final Set<String> knownCheckIds, final CheckRegistry registry) {
        this.knownCheckIds = Set.copyOf(knownCheckIds);
        this.registry = registry;
    }

    /** Reads a policy file. */
    public Policy load(final Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(Location.ofFile(name), "Cannot read the policy file: " + e);
        }
        return parse(name, text);
    }

    /** Reads a policy from text; {@code name} is used in messages. */
    public Policy parse(final String name, final String text) {
        List<ConfigurationException.Problem> problems = new ArrayList<>();
        List<Diagnostic> syntax = new ArrayList<>();
        List<YamlDocument> documents = new YamlParser(LoaderLimits.DEFAULT).parse(name, text, syntax::add);
        syntax.forEach(d -> problems.add(new ConfigurationException.Problem(d.location(), d.message())));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        List<YamlNode> roots = documents.stream().flatMap(d -> d.root().stream()).toList();
        if (roots.size() > 1) {
            throw new ConfigurationException(roots.get(1).location(), "A policy file holds one YAML document");
        }
        if (roots.isEmpty()) {
            return rename(Policy.DEFAULT, name);
        }
        YamlNode root = roots.get(0);
        if (!root.isMap()) {
            throw new ConfigurationException(root.location(), "The policy must be a mapping of settings");
        }
        List<Diagnostic> warnings = new ArrayList<>();
        SettingsReader r = new SettingsReader(problems);
        r.unknownKeys(root, TOP_LEVEL, "policy");
        Optional<Severity> failOn = r.threshold(root.get("failOn"), Policy.DEFAULT.failOn());
        Optional<Severity> warnOn = r.threshold(root.get("warnOn"), Policy.DEFAULT.warnOn());
        boolean failOnInputError = r.bool(root.get("failOnInputError"), true);
        boolean newOnly = r.bool(root.get("newFindingsOnly"), false);
        boolean allowAnnotations = r.bool(root.get("allowInManifestExemptions"), true);
        boolean enableAll = r.bool(root.get("enableAll"), false);
        KubernetesVersion target = KubernetesVersion.DEFAULT;
        YamlNode version = root.get("targetKubernetesVersion");
        if (version.isPresent()) {
            Optional<KubernetesVersion> parsed = version.text().flatMap(KubernetesVersion::parse);
            if (parsed.isEmpty()) {
                r.problem(version, "targetKubernetesVersion must look like 1.33 (got '" + version.text("") + "')");
            } else {
                target = parsed.get();
            }
        }
        CustomCheckReader customReader = new CustomCheckReader(problems, text);
        List<CustomCheck> custom = customReader.read(root.get("customChecks"), knownCheckIds);
        Set<String> known = new HashSet<>(knownCheckIds);
        known.addAll(customReader.declaredIds());
        Map<String, CheckPolicy> checks = checks(root.get("checks"), r, known, warnings);
        List<PolicyException> exceptions = exceptions(root.get("exceptions"), r, known, warnings);
        ImagePolicyReader.Result images = new ImagePolicyReader(r).read(root.get("images"));
        List<WorkloadKinds.WorkloadKind> workloadKinds = WorkloadKinds.read(root.get("workloadKinds"),
                (node, message) -> r.problem(node, "workloadKinds: " + message));
        InputPolicy inputs = new InputPolicyReader(problems).read(root.get("inputs"));
        if (images.requireDigest().isPresent() && !checks.containsKey(ImagePolicyReader.DIGEST_CHECK)) {
            checks.put(ImagePolicyReader.DIGEST_CHECK, new CheckPolicy(images.requireDigest(), Optional.empty(),
                    Map.of()));
        }
        if (failOn.isPresent() && warnOn.isPresent() && warnOn.get().ordinal() < failOn.get().ordinal()) {
            r.problem(root.get("warnOn"), "warnOn (" + warnOn.get() + ") is more severe than failOn ("
                    + failOn.get() + "): findings between them could never warn");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new Policy(name, failOn, warnOn, failOnInputError, newOnly, allowAnnotations, enableAll, target,
                checks, exceptions, images.settings(), workloadKinds, inputs, custom, warnings);
    }

    private static Policy rename(final Policy p, final String name) {
        return new Policy(name, p.failOn(), p.warnOn(), p.failOnInputError(), p.newFindingsOnly(),
                p.allowInManifestExemptions(), p.enableAll(), p.targetKubernetesVersion(), p.checks(),
                p.exceptions(), p.images(), p.workloadKinds(), p.inputs(), p.customChecks(), p.warnings());
    }

    /**
     * The id a policy entry stands for: a retired id is read as its successor, with a warning at {@code at}; any
     * other id as it is.
     */
    private String current(final String id, final YamlNode at, final List<Diagnostic> warnings) {
        RetiredCheck retired = registry.retired().get(id);
        if (retired == null) {
            return id;
        }
        warnings.add(Diagnostic.warning(RETIRED, at.location(), retired.warning() + " in the policy"));
        return retired.successor();
    }

    private Map<String, CheckPolicy> checks(final YamlNode node, final SettingsReader r, final Set<String> known,
            final List<Diagnostic> warnings) {
        Map<String, CheckPolicy> out = new LinkedHashMap<>();
        Map<String, String> written = new HashMap<>();
        if (node.isUnset()) {
            return out;
        }
        if (!node.isMap()) {
            r.problem(node, "checks must be a mapping from check id to its settings");
            return out;
        }
        node.entries().forEach((writtenId, value) -> {
            String id = current(writtenId, value, warnings);
            if (!r.knownCheck(id, value, known)) {
                return;
            }
            // the successor's own entry wins over a retired id's, wherever each is written
            String before = written.get(id);
            if (before != null && !before.equals(id)) {
                warnings.add(Diagnostic.warning(RETIRED, value.location(), "checks." + writtenId + " replaces checks."
                        + before + ", which is read as " + id));
            } else if (before != null) {
                warnings.add(Diagnostic.warning(RETIRED, value.location(), "checks." + writtenId + " is ignored: "
                        + "checks." + id + " sets " + id + " itself"));
                return;
            }
            written.put(id, writtenId);
            if (value.bool().isPresent()) {
                out.put(id, new CheckPolicy(value.bool(), Optional.empty(), Map.of()));
                return;
            }
            if (!value.isMap()) {
                r.problem(value, "checks." + id + " must be true, false, or a mapping with enabled, severity, "
                        + "options");
                return;
            }
            r.unknownKeys(value, CHECK_KEYS, "checks." + id);
            Optional<Boolean> enabled = value.get("enabled").isPresent()
                    ? Optional.of(r.bool(value.get("enabled"), true)) : Optional.empty();
            Optional<Severity> severity = Optional.empty();
            if (value.get("severity").isPresent()) {
                severity = r.severity(value.get("severity"));
            }
            Map<String, String> options = new LinkedHashMap<>();
            YamlNode opts = value.get("options");
            if (opts.isPresent() && !opts.isMap()) {
                r.problem(opts, "options must be a mapping of names to values");
            }
            opts.entries().forEach((k, v) -> {
                if (!knownOption(id, writtenId, k, v, r, warnings)) {
                    return;
                }
                if (v.isScalar()) {
                    // a boolean as Kubernetes reads YAML (yes, on, True): the check sees true or false
                    options.put(k, v.bool().map(String::valueOf).orElse(v.text("")));
                } else if (v.isSequence()) {
                    List<String> items = new ArrayList<>();
                    v.elements().forEach(e -> items.add(e.text("")));
                    options.put(k, String.join(",", items));
                } else {
                    r.problem(v, "option " + k + " must be a value or a list of values");
                }
            });
            out.put(id, new CheckPolicy(enabled, severity, options));
        });
        return out;
    }

    /**
     * True when the check reads the option; a retired option is a warning naming what replaces it, any other a
     * problem naming the options the check has (a misspelt option would otherwise change nothing, silently).
     */
    private boolean knownOption(final String id, final String written, final String option, final YamlNode at,
            final SettingsReader r, final List<Diagnostic> warnings) {
        Optional<CheckMetadata> meta = registry.byId(id).map(io.k8sgate.core.check.Check::metadata);
        Map<String, String> options = meta.map(CheckMetadata::options).orElse(Map.of());
        if (options.containsKey(option)) {
            return true;
        }
        String replacement = meta.map(CheckMetadata::retiredOptions).orElse(Map.of()).get(option);
        if (replacement != null) {
            warnings.add(Diagnostic.warning(RETIRED, at.location(), "checks." + written + ".options." + option
                    + " is retired and no longer read: " + replacement));
            return false;
        }
        r.problem(at, "Unknown option '" + option + "' of " + id + (options.isEmpty() ? " (it takes no options)"
                : " (its options: " + String.join(", ", options.keySet()) + ")"));
        return false;
    }

    private List<PolicyException> exceptions(final YamlNode node, final SettingsReader r,
            final Set<String> known, final List<Diagnostic> warnings) {
        List<PolicyException> out = new ArrayList<>();
        if (node.isUnset()) {
            return out;
        }
        if (!node.isSequence()) {
            r.problem(node, "exceptions must be a list");
            return out;
        }
        for (YamlNode e : node.elements()) {
            if (!e.isMap()) {
                r.problem(e, "each exception must be a mapping");
                continue;
            }
            r.unknownKeys(e, EXCEPTION_KEYS, "exception");
            List<String> ids = new ArrayList<>();
            if (e.get("check").isPresent()) {
                ids.add(current(e.get("check").text(""), e.get("check"), warnings));
            }
            e.get("checks").elements().forEach(c -> ids.add(current(c.text(""), c, warnings)));
            if (e.get("checks").isPresent() && !e.get("checks").isSequence()) {
                r.problem(e.get("checks"), "checks must be a list of check ids");
            }
            if (ids.isEmpty()) {
                r.problem(e, "an exception names the check(s) it covers with check: or checks:");
            }
            for (String id : ids) {
                if (!"*".equals(id)) {
                    r.knownCheck(id, e, known);
                }
            }
            String owner = r.requiredText(e, "owner");
            String reason = r.requiredText(e, "reason");
            Optional<LocalDate> expires = Optional.empty();
            YamlNode exp = e.get("expires");
            if (exp.isPresent()) {
                try {
                    expires = Optional.of(LocalDate.parse(exp.text("")));
                } catch (DateTimeParseException ex) {
                    r.problem(exp, "expires must be a date like 2026-12-31 (got '" + exp.text("") + "')");
                }
            }
            out.add(new PolicyException(ids, e.get("kind").text(""), e.get("namespace").text(""),
                    e.get("name").text(""), e.get("container").text(""), owner, reason, expires, e.location()));
        }
        return out;
    }
}
