package io.k8sgate.core.check.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultRoleAggregationCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new DefaultRoleAggregationCheck();
    }

    @Test
    void shouldNameTheDefaultRoleThatIsExtended() {
        List<Finding> found = findings("aggregate-labels.yaml",
                Fixtures.read("checks/K8S-RBAC-016/violating/aggregate-labels.yaml"), CheckSettings.DEFAULT);

        assertThat(found).extracting(f -> f.properties().get("aggregatesInto") + " " + f.properties().get("permission"))
                .containsExactly("ClusterRole/view read secrets", "ClusterRole/edit proxy to the kubelet API of nodes");
    }
}
