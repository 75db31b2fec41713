package io.k8sgate.bench.jmh;

import io.k8sgate.bench.ManifestGenerator;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.rbac.EscalationPaths;
import io.k8sgate.core.engine.CheckEngine;
import io.k8sgate.core.engine.EngineResult;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.rbac.RbacGraph;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.core.report.JsonReportWriter;
import io.k8sgate.core.report.SarifReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot paths, each on the same generated manifest set: loading (YAML to positioned objects), all checks, RBAC
 * graph resolution and escalation paths, fingerprinting, and report writing.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main HotPathBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HotPathBenchmarks {
    @Param({"1000"})
    public int resources;

    private Path dir;
    private String oneFile;
    private List<K8sObject> objects;
    private CheckContext context;
    private GateOutcome outcome;
    private List<Finding> findings;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("k8sgate-jmh");
        ManifestGenerator.generate(dir, resources, 7);
        oneFile = Files.readString(dir.resolve("manifests-0.yaml"));
        objects = new ManifestLoader().load(dir, List.of(".")).objects();
        context = CheckContext.of(objects, CheckSettings.DEFAULT);
        outcome = new SecurityGate().run(GateRequest.of(dir, List.of("."))
                .withPolicy(Policy.DEFAULT.withEnableAll(true)));
        findings = outcome.findings();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Loading one file of 40 objects: YAML events to positioned trees to Kubernetes objects. */
    @Benchmark
    public List<K8sObject> loadOneFile() {
        return new ManifestLoader().parse("manifests-0.yaml", oneFile, d -> { });
    }

    /** Every check over the whole set (a fresh context, so shared analyses are computed too). */
    @Benchmark
    public EngineResult allChecks() {
        return new CheckEngine().run(CheckContext.of(objects, CheckSettings.DEFAULT),
                CheckRegistry.defaultRegistry().all());
    }

    /** The RBAC graph: roles, bindings, aggregation, subjects. */
    @Benchmark
    public RbacGraph rbacGraph() {
        return RbacGraph.of(objects);
    }

    /** Escalation paths over a built graph. */
    @Benchmark
    public Object escalationPaths() {
        return EscalationPaths.find(context.analysis(RbacGraph.class, c -> RbacGraph.of(c.objects(), c.workloads())));
    }

    /** Fingerprints of every finding of the run. */
    @Benchmark
    public List<String> fingerprints() {
        List<String> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            ResourceRef r = f.resource();
            out.add(Finding.fingerprint(f.checkId(), r, f.container(), f.fieldPath()));
        }
        return out;
    }

    /** The JSON report of the run. */
    @Benchmark
    public GateOutcome writeJson() throws IOException {
        new JsonReportWriter().write(outcome, OutputStream.nullOutputStream());
        return outcome;
    }

    /** The SARIF report of the run. */
    @Benchmark
    public GateOutcome writeSarif() throws IOException {
        new SarifReportWriter().write(outcome, OutputStream.nullOutputStream());
        return outcome;
    }
}
