package io.k8sgate.core.archunit;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

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
    static final ArchRule CEL_ONLY_IN_ITS_PACKAGE = noClasses().that().resideOutsideOfPackage("io.k8sgate.core.cel..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cel..", "com.google.protobuf..",
                    "com.google.re2j..", "com.google.common..")
            .as("only io.k8sgate.core.cel touches the CEL library, so runs without rules never load it");

    @ArchTest
    static final ArchRule CEL_BELOW_CHECKS = noClasses().that().resideInAPackage("io.k8sgate.core.cel..")
            .should().dependOnClassesThat().resideInAnyPackage("io.k8sgate.core.check..", "io.k8sgate.core.engine..",
                    "io.k8sgate.core.policy..", "io.k8sgate.core.report..")
            .as("CEL support knows manifests, never checks, policies or reports");

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
    static final ArchRule THREADS_AT_THE_BOTTOM = noClasses().that().resideInAPackage("io.k8sgate.core.concurrent..")
            .should().dependOnClassesThat().resideOutsideOfPackages("io.k8sgate.core.concurrent..", "java..",
                    "org.jspecify..")
            .as("the engine's threads depend on nothing but the JDK");

    @ArchTest
    static final ArchRule NO_COMMON_POOL = noClasses().should().callMethodWhere(target(nameMatching(
            "parallelStream|parallel|parallelSort|parallelSetAll|parallelPrefix|commonPool|supplyAsync|runAsync")))
            .as("the engine's parallel work runs on EngineExecutor, not the JVM-wide common pool");

    @ArchTest
    static final ArchRule RBAC_MODEL_BELOW_CHECKS = noClasses().that().resideInAPackage("io.k8sgate.core.rbac..")
            .should().dependOnClassesThat().resideInAnyPackage("io.k8sgate.core.check..", "io.k8sgate.core.registry..",
                    "io.k8sgate.core.engine..", "io.k8sgate.core.policy..", "io.k8sgate.core.report..")
            .as("the RBAC model knows nothing of the checks that report over it");

    @ArchTest
    static final ArchRule REGISTRY_ABOVE_CHECKS = noClasses().that().resideInAPackage("io.k8sgate.core.check..")
            .should().dependOnClassesThat().resideInAPackage("io.k8sgate.core.registry..")
            .as("checks do not know the catalogue that lists them");

    @ArchTest
    static final ArchRule CHECKS_BELOW_ENGINE = noClasses().that().resideInAPackage("io.k8sgate.core.check..")
            .should().dependOnClassesThat().resideInAnyPackage("io.k8sgate.core.engine..",
                    "io.k8sgate.core.policy..", "io.k8sgate.core.report..");

    @ArchTest
    static final ArchRule FRONT_END_API_ON_TOP = noClasses().that()
            .resideOutsideOfPackage("io.k8sgate.core.frontend..").should().dependOnClassesThat()
            .resideInAPackage("io.k8sgate.core.frontend..")
            .as("the front-end API sits on top of the engine: nothing in the engine depends on it");

    @ArchTest
    static final ArchRule ONLY_POLICY_DECIDES = noClasses().that().resideOutsideOfPackages("io.k8sgate.core.policy..",
                    "io.k8sgate.core")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.k8sgate.core.policy.PolicyEvaluator")
            .as("the verdict is computed only in policy/ and called only by the facade");

    /**
     * Every package of the engine, the facade ({@code io.k8sgate.core} itself) included, is a slice; no chain of
     * dependencies leads from a slice back to itself.
     */
    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(new PackageSlices()).should().beFreeOfCycles()
            .as("the engine's packages are free of cycles");

    @Test
    void shouldFindACycleBetweenTwoPackages() {
        var cyclic = new ClassFileImporter().importPackages("io.k8sgate.core.archunit.cyclic");

        assertThat(NO_PACKAGE_CYCLES.evaluate(cyclic).getFailureReport().getDetails()).singleElement().asString()
                .contains("archunit.cyclic.first", "archunit.cyclic.second");
    }

    /** One slice per package below {@code io.k8sgate.core}, and one for the facade package itself. */
    private static final class PackageSlices implements SliceAssignment {
        private static final String ROOT = "io.k8sgate.core";

        @Override
        public SliceIdentifier getIdentifierOf(final JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(ROOT)) {
                return SliceIdentifier.of("(facade)");
            }
            return name.startsWith(ROOT + ".") ? SliceIdentifier.of(name.substring(ROOT.length() + 1))
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of " + ROOT;
        }
    }
}
