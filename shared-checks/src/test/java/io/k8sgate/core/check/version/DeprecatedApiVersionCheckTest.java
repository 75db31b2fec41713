package io.k8sgate.core.check.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class DeprecatedApiVersionCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new DeprecatedApiVersionCheck();
    }

    @Test
    void shouldWarnBetweenDeprecationAndRemoval() {
        assertThat(findings("cronjob.yaml", RemovedApiVersionCheckTest.CRONJOB_V1BETA1,
                RemovedApiVersionCheckTest.target("1.21"))).singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("CronJob 'report' uses batch/v1beta1, deprecated since v1.21 and no longer served "
                                + "from v1.25 (target v1.21): use batch/v1 (served since v1.21)"));
        assertThat(findings("cronjob.yaml", RemovedApiVersionCheckTest.CRONJOB_V1BETA1,
                RemovedApiVersionCheckTest.target("1.20"))).isEmpty();
    }

    @Test
    void shouldBeLessSevereThanRemoval() {
        assertThat(check().metadata().severity().isAtLeast(new RemovedApiVersionCheck().metadata().severity()))
                .isFalse();
    }
}
