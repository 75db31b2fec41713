package io.k8sgate.maven;

import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project's Kubernetes manifests and gates the build: a FAIL decision fails the build, WARN logs a
 * warning, and the reports are written to {@code outputDirectory} in every case, before the build fails. Needs no
 * network.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractGateMojo {
    /** Where the reports are written. */
    @Parameter(property = "k8s-security.outputDirectory", defaultValue = "${project.build.directory}/k8s-security")
    private File outputDirectory;

    @Override
    void gate() throws MojoExecutionException, MojoFailureException {
        gate(project().getBasedir().toPath(), projectInputs(), searched(), outputDirectory.toPath());
    }
}
