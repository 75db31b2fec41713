package io.k8sgate.jenkins.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the plugin thin and agent-safe. */
@AnalyzeClasses(packages = "io.k8sgate.jenkins", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {
    /** The controller's singleton is reached only through what Jenkins passes in (WNG's NO_JENKINS_INSTANCE_CALL). */
    @ArchTest
    static final ArchRule NO_JENKINS_INSTANCE_CALL = noClasses().should()
            .callMethod(jenkins.model.Jenkins.class, "get")
            .orShould().callMethod(jenkins.model.Jenkins.class, "getInstance")
            .orShould().callMethod(jenkins.model.Jenkins.class, "getInstanceOrNull");

    /** The code that runs on the agent touches no controller object (builds, jobs, the Jenkins singleton). */
    @ArchTest
    static final ArchRule AGENT_CODE_STAYS_OFF_THE_CONTROLLER = noClasses()
            .that().haveNameMatching(".*\\.GateCallable(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("hudson.model..", "jenkins.model..");

    /** Verdicts are the engine's: the plugin does not evaluate findings against thresholds itself. */
    @ArchTest
    static final ArchRule NO_OWN_DECISIONS = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("io.k8sgate.core.policy.PolicyEvaluator")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.k8sgate.core.model.Finding");
}
