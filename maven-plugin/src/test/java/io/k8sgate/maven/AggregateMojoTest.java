package io.k8sgate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class AggregateMojoTest {
    @Test
    void shouldReadTheManifestsAModuleConfiguresForThePlugin() {
        Plugin plugin = plugin();
        plugin.setConfiguration(configuration("deploy/k8s", "src/main/helm-out"));

        assertThat(AggregateMojo.configuredManifests(module(plugin)))
                .contains(List.of("deploy/k8s", "src/main/helm-out"));
    }

    @Test
    void shouldReadTheManifestsConfiguredInAnExecution() {
        Plugin plugin = plugin();
        PluginExecution execution = new PluginExecution();
        execution.setConfiguration(configuration("k8s"));
        plugin.addExecution(execution);

        assertThat(AggregateMojo.configuredManifests(module(plugin))).contains(List.of("k8s"));
    }

    @Test
    void shouldReadACommaSeparatedValue() {
        Plugin plugin = plugin();
        Xpp3Dom config = new Xpp3Dom("configuration");
        Xpp3Dom manifests = new Xpp3Dom("manifests");
        manifests.setValue("a.yaml, b/ ,");
        config.addChild(manifests);
        plugin.setConfiguration(config);

        assertThat(AggregateMojo.configuredManifests(module(plugin))).contains(List.of("a.yaml", "b/"));
    }

    @Test
    void shouldFindNothingWhenTheModuleDoesNotConfigureManifests() {
        Plugin other = new Plugin();
        other.setGroupId("org.apache.maven.plugins");
        other.setArtifactId("maven-jar-plugin");
        other.setConfiguration(configuration("ignored"));
        Plugin ours = plugin();
        ours.setConfiguration(new Xpp3Dom("configuration"));

        assertThat(AggregateMojo.configuredManifests(module(other, ours))).isEqualTo(Optional.empty());
    }

    private static Plugin plugin() {
        Plugin plugin = new Plugin();
        plugin.setGroupId("io.k8sgate");
        plugin.setArtifactId("k8s-security-maven-plugin");
        return plugin;
    }

    private static Xpp3Dom configuration(final String... values) {
        Xpp3Dom config = new Xpp3Dom("configuration");
        Xpp3Dom manifests = new Xpp3Dom("manifests");
        for (String value : values) {
            Xpp3Dom item = new Xpp3Dom("manifest");
            item.setValue(value);
            manifests.addChild(item);
        }
        config.addChild(manifests);
        return config;
    }

    private static MavenProject module(final Plugin... plugins) {
        Model model = new Model();
        model.setBuild(new Build());
        for (Plugin plugin : plugins) {
            model.getBuild().addPlugin(plugin);
        }
        return new MavenProject(model);
    }
}
