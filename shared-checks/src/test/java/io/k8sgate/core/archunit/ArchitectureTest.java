package io.k8sgate.core.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the engine pure and layered. */
@AnalyzeClasses(packages = "io.k8sgate.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule NO_STANDARD_STREAMS = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule NO_JUL = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule NO_GENERIC_EXCEPTIONS = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule NO_BUILD_TOOLS_OR_LOGGING = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.apache.maven..", "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..",
                    "org.slf4j..", "org.apache.logging..", "org.apache.commons.logging..", "picocli..")
            .as("the engine imports no Maven, Jenkins, console or logging classes");

    @ArchTest
    static final ArchRule YAML_ONLY_IN_THE_PARSER = noClasses().that()
            .haveNameNotMatching("io\\.k8sgate\\.core\\.input\\.YamlParser(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("org.snakeyaml..")
            .as("YAML is parsed only by YamlParser, which applies the limits");

    @ArchTest
    static final ArchRule MODEL_IS_THE_BOTTOM = noClasses().that().resideInAPackage("io.k8sgate.core.model..")
            .should().dependOnClassesThat().resideInAnyPackage("io.k8sgate.core.input..", "io.k8sgate.core.check..",
                    "io.k8sgate.core.engine..", "io.k8sgate.core.policy..", "io.k8sgate.core.report..");

    @ArchTest
    static final ArchRule SECRETS_DEPEND_ON_NOTHING = noClasses().that().resideInAPackage("io.k8sgate.core.secret..")
            .should().dependOnClassesThat().resideInAnyPackage("io.k8sgate.core.model..", "io.k8sgate.core.input..",
                    "io.k8sgate.core.check..", "io.k8sgate.core.engine..", "io.k8sgate.core.policy..",
                    "io.k8sgate.core.baseline..", "io.k8sgate.core.report..")
            .as("the credential detector is below every layer, the model included, so that each can use it");

    @ArchTest
    static final ArchRule INPUT_BELOW_CHECKS = noClasses().that().resideInAPackage("io.k8sgate.core.input..")
            .should().dependOnClassesThat().resideInAnyPackage("io.k8sgate.core.check..", "io.k8sgate.core.engine..",
                    "io.k8sgate.core.policy..", "io.k8sgate.core.report..");

    @ArchTest
    static final ArchRule CHECKS_BELOW_ENGINE = noClasses().that().resideInAPackage("io.k8sgate.core.check..")
            .should().dependOnClassesThat().resideInAnyPackage("io.k8sgate.core.engine..",
                    "io.k8sgate.core.policy..", "io.k8sgate.core.report..");

    @ArchTest
    static final ArchRule ONLY_POLICY_DECIDES = noClasses().that().resideOutsideOfPackages("io.k8sgate.core.policy..",
                    "io.k8sgate.core")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.k8sgate.core.policy.PolicyEvaluator")
            .as("the verdict is computed only in policy/ and called only by the facade");
}
