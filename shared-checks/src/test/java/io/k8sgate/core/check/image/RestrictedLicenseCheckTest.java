package io.k8sgate.core.check.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

class RestrictedLicenseCheckTest extends AbstractImageCheckTest {
    @Override
    protected Check check() {
        return new RestrictedLicenseCheck();
    }

    @Test
    void shouldNameLicenceAndPackageOrFile() {
        assertThat(findings("licences.yaml", Fixtures.read("checks/K8S-IMG-008/violating/licences.yaml"), settings()))
                .extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("GPL-3.0-only (forbidden)",
                        "package readline")).anySatisfy(m -> assertThat(m).contains("LGPL-2.1-only (restricted)",
                        "file usr/lib/libfoo.so"));
        assertThat(check().metadata().enabledByDefault()).isFalse();
    }
}
