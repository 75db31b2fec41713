package io.k8sgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.k8sgate.cli.MainTest.Run;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.input.Kubectl;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates real manifests the way a change author who wants a privileged pod through would (tags, number and boolean
 * spellings, merge keys, anchors, block scalars, nesting in Lists, encodings, damaged characters) and runs the CLI on
 * each (issue #16). The gate must never crash, must exit 0, 1 or 3, and must never pass (exit 0) a manifest that
 * {@code kubectl} reads as privileged or running as root; that last property is checked where kubectl is installed.
 *
 * <p>The default run is short; {@code -Dk8s.fuzz.tries=2000} runs longer and {@code -Dk8s.fuzz.seed=N} replays a run
 * (a failure names its seed and case).
 */
class HostileYamlFuzzTest {
    private static final int TRIES = Integer.getInteger("k8s.fuzz.tries", 30);
    private static final long SEED = Long.getLong("k8s.fuzz.seed", 16L);
    private static final List<String> SEEDS = List.of("issue16/tagged-privileged.yaml",
            "issue16/root-spellings.yaml", "issue16/empty-folded-scalar.yaml", "issue16/merge-key-after-explicit.yaml",
            "samples/privileged/pod.yaml", "samples/hardened/app.yaml", "checks/K8S-WL-001/compliant/hardened.yaml",
            "checks/K8S-WL-024/violating/root-user.yaml");
    private static final Pattern WORKLOAD = Pattern.compile("(?m)^kind: (Pod|Deployment|DaemonSet|StatefulSet|Job|"
            + "CronJob|ReplicaSet|ReplicationController)\\s*$");
    private static final Pattern BOOLEAN_FIELD = Pattern.compile("(?m)^(\\s*(?:- )?(?:privileged|"
            + "allowPrivilegeEscalation|runAsNonRoot|hostNetwork|hostPID|readOnlyRootFilesystem)): (true|false)\\s*$");
    private static final Pattern NUMBER_FIELD = Pattern.compile("(?m)^(\\s*(?:- )?(?:runAsUser|runAsGroup|hostPort|"
            + "containerPort)): (\\d+)\\s*$");
    private static final Pattern SECURITY_CONTEXT = Pattern.compile("(?m)^(\\s*)(?:- )?securityContext:\\s*$");
    private static final String[] TRUE = {"true", "True", "TRUE", "yes", "Yes", "YES", "y", "Y", "on", "On", "ON",
        "!!bool \"true\"", "!!bool 'on'", "!!bool yes", "!!bool \"Y\"", "\"true\"", "'yes'", "!!str true", "tRUE",
        "&t true", "! true", "!local true", "1"};
    private static final String[] FALSE = {"false", "no", "n", "off", "OFF", "\"false\"", "!!bool \"no\"", "~", "0"};
    private static final String[] ZERO = {"0", "00", "0x0", "0X0", "0o0", "0_0", "0b0", "0.0", "0.", "0e0", "+0",
        "-0", "-0.0", "!!int \"0\"", "!!int '0x0'", "!!float \"0\"", "\"0\"", "'0'", "!!str 0", "0x_0", ".0",
        "0.5", "1e-400", "!!binary MA==", "0:0"};
    private static final String[] OTHER_NUMBER = {"1e3", "1000", "0x3e8", "0o1750", "01750", "1_000", "1000.0",
        "\"1000\"", "!!int \"1000\"", "9223372036854775808", "1e21", ".inf", "2147483648"};
    private static final String DAMAGE = ":-\"'{}[]\t\u0085\u2028\u0000&*!%@`#|>,?\\\r\u00a0\ufeff";

    @Test
    void shouldNeverPassWhatKubernetesRunsPrivilegedOrAsRootNorCrash(@TempDir final Path dir) throws IOException {
        List<String> seeds = seedDocuments();
        Optional<Kubectl> kubectl = Kubectl.find();
        writePolicy(dir);
        SplittableRandom random = new SplittableRandom(SEED);
        int judged = 0;
        for (int i = 0; i < TRIES; i++) {
            String original = seeds.get(random.nextInt(seeds.size()));
            String mutated = original;
            List<String> applied = new ArrayList<>();
            int rounds = 1 + random.nextInt(3);
            for (int r = 0; r < rounds; r++) {
                int which = random.nextInt(10);
                applied.add(String.valueOf(which));
                mutated = mutate(which, mutated, random);
            }
            Path file = dir.resolve("case-" + i + ".yaml");
            Files.writeString(file, mutated);
            String what = "seed " + SEED + ", case " + i + " (mutations " + applied + "):\n" + mutated;

            Run run = MainTest.run("check", "--root", dir.toString(), "--format", "json", "--output-dir",
                    dir.resolve("out").toString(), file.getFileName().toString());

            assertThat(run.code()).as("exit code of %s\n%s%s", what, run.out(), run.err()).isIn(Verdict.EXIT_PASS,
                    Verdict.EXIT_FAIL, Verdict.EXIT_INPUT);
            assertThat(run.err()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
            if (kubectl.isPresent() && run.code() == Verdict.EXIT_PASS) {
                Kubectl.Decoded decoded = kubectl.get().decode(mutated);
                judged++;
                assertThat(decoded.refused() || !privilegedOrRoot(decoded.object().orElseThrow()))
                        .as("kubectl reads %s as privileged or running as root, and the gate passed it:\n%s", what,
                                decoded.object().map(JsonNode::toPrettyString).orElse(""))
                        .isTrue();
            }
            Files.delete(file);
        }
        assertThat(judged).as("cases judged against kubectl").isGreaterThanOrEqualTo(kubectl.isPresent() ? 1 : 0);
    }

    private static void writePolicy(final Path dir) throws IOException {
        StringBuilder policy = new StringBuilder("failOn: MEDIUM\nwarnOn: LOW\nchecks:\n");
        new SecurityGate().checkIds().stream().filter(id -> !"K8S-WL-001".equals(id) && !"K8S-WL-024".equals(id))
                .sorted().forEach(id -> policy.append("  ").append(id).append(": false\n"));
        Files.writeString(dir.resolve("k8s-security.yaml"), policy);
    }

    /** The single documents of the seed files that kubectl can decode offline (pod-running core kinds). */
    private static List<String> seedDocuments() {
        List<String> docs = new ArrayList<>();
        for (String seed : SEEDS) {
            for (String doc : Fixtures.read(seed).split("(?m)^---\\s*$", -1)) {
                if (WORKLOAD.matcher(doc).find()) {
                    docs.add(doc.strip() + "\n");
                }
            }
        }
        assertThat(docs).as("seed documents").hasSizeGreaterThan(5);
        return docs;
    }

    private static String mutate(final int which, final String text, final SplittableRandom random) {
        switch (which) {
            case 0:
                return replaceOne(BOOLEAN_FIELD, text, random, m -> m.group(1) + ": "
                        + pick(random.nextBoolean() ? TRUE : FALSE, random));
            case 1:
                return replaceOne(NUMBER_FIELD, text, random, m -> m.group(1) + ": "
                        + pick(random.nextBoolean() ? ZERO : OTHER_NUMBER, random));
            case 2:
                return insertUnderSecurityContext(text, random, "privileged: " + pick(TRUE, random));
            case 3:
                return insertUnderSecurityContext(text, random, pick(new String[] {
                    "<<: {privileged: " + pick(TRUE, random) + "}",
                    "<<: [{runAsUser: " + pick(ZERO, random) + "}, {runAsUser: 1000}]",
                    "runAsUser: " + pick(ZERO, random),
                    "privileged: >-\n%s  true",
                    "privileged: |\n%s  " + pick(TRUE, random),
                    "? privileged\n%s: " + pick(TRUE, random)}, random));
            case 4:
                return encode(text, random);
            case 5:
                return "apiVersion: v1\nkind: List\nitems:\n- " + text.strip().replace("\n", "\n  ") + "\n";
            case 6:
                return damage(text, random);
            case 7: {
                String[] lines = text.split("\n", -1);
                int i = random.nextInt(lines.length);
                return text.replaceFirst(Pattern.quote(lines[i]) + "\n", Matcher.quoteReplacement(lines[i] + "\n"
                        + lines[i] + "\n"));
            }
            case 8:
                return replaceOne(BOOLEAN_FIELD, text, random, m -> m.group(1) + ": " + pick(new String[] {">\n",
                    "|-\n", "!!bool\n", "&a " + pick(TRUE, random) + "\n"}, random).replace("\n", "")
                        + (random.nextBoolean() ? "" : " # " + m.group(2)));
            default:
                return text.replaceFirst("(?m)^spec:\\s*$", "spec:\n  hostNetwork: " + pick(TRUE, random));
        }
    }

    private static String insertUnderSecurityContext(final String text, final SplittableRandom random,
            final String entry) {
        return replaceOne(SECURITY_CONTEXT, text, random, m -> {
            String indent = m.group(0).replaceAll("\\S.*", "").replace("- ", "  ") + "  ";
            if (m.group(0).trim().startsWith("- ")) {
                indent += "  ";
            }
            return m.group(0) + "\n" + indent + entry.replace("%s", indent);
        });
    }

    private static String encode(final String text, final SplittableRandom random) {
        switch (random.nextInt(5)) {
            case 0:
                return text.replace("\n", "\r\n");
            case 1:
                return "\ufeff" + text;
            case 2:
                return "%YAML 1.1\n---\n" + text + "...\n";
            case 3:
                return text.replaceAll("(?m)$", "   ");
            default:
                return "# " + "x".repeat(random.nextInt(5000)) + "\n" + text.replace("\n", "\n# c\n");
        }
    }

    private static String damage(final String text, final SplittableRandom random) {
        int at = random.nextInt(text.length());
        return random.nextBoolean() ? text.substring(0, at) + text.substring(Math.min(text.length(), at + 1))
                : text.substring(0, at) + DAMAGE.charAt(random.nextInt(DAMAGE.length())) + text.substring(at);
    }

    private static String replaceOne(final Pattern pattern, final String text, final SplittableRandom random,
            final java.util.function.Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            replacements.add(replacement.apply(m));
        }
        if (spans.isEmpty()) {
            return text;
        }
        int i = random.nextInt(spans.size());
        return text.substring(0, spans.get(i)[0]) + replacements.get(i) + text.substring(spans.get(i)[1]);
    }

    private static String pick(final String[] choices, final SplittableRandom random) {
        return choices[random.nextInt(choices.length)];
    }

    /** True when any securityContext kubectl decoded sets privileged: true or runAsUser: 0. */
    private static boolean privilegedOrRoot(final JsonNode object) {
        for (JsonNode sc : object.findValues("securityContext")) {
            if (sc.path("privileged").asBoolean(false)
                    || (sc.has("runAsUser") && sc.path("runAsUser").asLong(-1) == 0)) {
                return true;
            }
        }
        return false;
    }
}
