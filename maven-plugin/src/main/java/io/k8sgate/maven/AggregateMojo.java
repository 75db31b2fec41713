package io.k8sgate.maven;

import io.k8sgate.core.ProjectManifests;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.execution.MavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Checks the manifests of every module of a multi-module build in one run, with one decision and one set of reports.
 *
 * <p>Declare it in the parent POM (inherited by the modules): it runs in each module but acts only in the last module
 * of the reactor, after every other module has been built, so that manifests generated during the build (Eclipse
 * JKube) are there. Each module contributes the manifests its own {@code check} configuration names, or those in the
 * default places; the {@code manifests} of the aggregating module itself has no other meaning here.
 *
 * <p>In a parallel build ({@code -T}) the last module may start before modules it does not depend on have finished;
 * the goal then waits for them (or for the first failure of the build) before it reads their manifests.
 */
@Mojo(name = "aggregate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class AggregateMojo extends AbstractGateMojo {
    static final String PLUGIN_KEY = "io.k8sgate:k8s-security-maven-plugin";
    private static final long WAIT_STEP_MILLIS = 100;

    /** Where the combined reports are written; default: {@code target/k8s-security-aggregate} of the top project. */
    @Parameter(property = "k8s-security.aggregate.outputDirectory")
    private File outputDirectory;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    void gate() throws MojoExecutionException, MojoFailureException {
        List<MavenProject> projects = session.getProjects();
        MavenProject last = projects.get(projects.size() - 1);
        if (!last.equals(project())) {
            getLog().info("K8s Security Gate: the aggregate runs in the last module of the build ("
                    + last.getArtifactId() + ")");
            return;
        }
        awaitOtherModules(projects);
        MavenProject top = session.getTopLevelProject();
        Path root = top.getBasedir().toPath();
        Set<String> inputs = new LinkedHashSet<>();
        for (MavenProject module : projects) {
            Path basedir = module.getBasedir().toPath();
            List<String> configured = configuredManifests(module).orElse(List.of());
            if (configured.isEmpty()) {
                ProjectManifests.of(basedir, Path.of(module.getBuild().getOutputDirectory())).stream()
                        .map(Path::toString).forEach(inputs::add);
            } else {
                ProjectInputs.ifAnyExists(basedir, configured).stream()
                        .map(m -> relative(root, basedir.resolve(m).normalize())).forEach(inputs::add);
            }
        }
        Path output = outputDirectory == null ? Path.of(top.getBuild().getDirectory(), "k8s-security-aggregate")
                : outputDirectory.toPath();
        getLog().info("K8s Security Gate: checking the manifests of " + projects.size() + " module(s) together");
        gate(root, new ProjectInputs.Inputs(List.copyOf(inputs), List.of()), "every module", output);
    }

    /** In a parallel build, waits until every other module has finished, or the build has failed. */
    private void awaitOtherModules(final List<MavenProject> projects) throws MojoExecutionException {
        if (!session.isParallel()) {
            return;
        }
        MavenExecutionResult result = session.getResult();
        for (MavenProject module : projects) {
            if (module.equals(project())) {
                continue;
            }
            // a module skipped after a failure never gets a summary: the first failure ends the wait
            while (result.getBuildSummary(module) == null && !result.hasExceptions()) {
                try {
                    Thread.sleep(WAIT_STEP_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MojoExecutionException("K8s Security Gate: interrupted while waiting for module "
                            + module.getArtifactId(), e);
                }
            }
        }
    }

    private static String relative(final Path root, final Path path) {
        if (!path.startsWith(root)) {
            return path.toString();
        }
        String rel = root.relativize(path).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }

    /** The {@code manifests} a module configures for this plugin, in the plugin or in one of its executions. */
    static Optional<List<String>> configuredManifests(final MavenProject module) {
        for (Plugin plugin : module.getBuildPlugins()) {
            if (!PLUGIN_KEY.equals(plugin.getKey())) {
                continue;
            }
            Optional<List<String>> own = manifests(plugin.getConfiguration());
            if (own.isPresent()) {
                return own;
            }
            for (PluginExecution execution : plugin.getExecutions()) {
                Optional<List<String>> inExecution = manifests(execution.getConfiguration());
                if (inExecution.isPresent()) {
                    return inExecution;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> manifests(final Object configuration) {
        if (!(configuration instanceof Xpp3Dom dom) || dom.getChild("manifests") == null) {
            return Optional.empty();
        }
        Xpp3Dom manifests = dom.getChild("manifests");
        List<String> values = new ArrayList<>();
        for (Xpp3Dom child : manifests.getChildren()) {
            if (child.getValue() != null && !child.getValue().isBlank()) {
                values.add(child.getValue().trim());
            }
        }
        if (values.isEmpty() && manifests.getValue() != null) {
            for (String v : manifests.getValue().split(",", -1)) {
                if (!v.isBlank()) {
                    values.add(v.trim());
                }
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }
}
