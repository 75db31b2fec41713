package io.k8sgate.core.input.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Equal values of one report are shared, and sharing stays bounded whatever the report holds. */
class ValueSharingTest {

    @Test
    void shouldReturnOneInstanceForEqualTextFromAnyBuffer() {
        Interner interner = new Interner();
        String first = interner.text("xxopenssl".toCharArray(), 2, 7);
        String second = interner.text("openssl--".toCharArray(), 0, 7);

        assertThat(first).isEqualTo("openssl").isSameAs(second);
        assertThat(interner.text("openssh")).isEqualTo("openssh").isNotSameAs(first);
        assertThat(interner.text(new char[0], 0, 0)).isEmpty();
        assertThat(interner.size()).isEqualTo(2);
    }

    @Test
    void shouldKeepEveryValueIntactWhenTheTableGrows() {
        Interner interner = new Interner();
        List<String> firstCopies = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            firstCopies.add(interner.text("pkg-" + i));
        }
        for (int i = 0; i < 20_000; i++) {
            assertThat(interner.text(("pkg-" + i).toCharArray(), 0, ("pkg-" + i).length()))
                    .isEqualTo("pkg-" + i).isSameAs(firstCopies.get(i));
        }
        assertThat(interner.size()).isEqualTo(20_000);
    }

    @Test
    void shouldStopSharingValuesCraftedToCollideInsteadOfSlowingDown() {
        // "Aa" and "BB" have the same String hash, so every string made of 12 such pairs shares one hash: 4,096 values.
        List<String> colliding = new ArrayList<>();
        for (int bits = 0; bits < 1 << 12; bits++) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                s.append((bits >> i & 1) == 0 ? "Aa" : "BB");
            }
            colliding.add(s.toString());
        }
        assertThat(colliding.stream().map(String::hashCode).distinct()).hasSize(1);
        Interner interner = new Interner();

        Set<String> seen = new HashSet<>();
        for (String value : colliding) {
            String shared = interner.text(value);
            assertThat(shared).isEqualTo(value);
            seen.add(shared);
        }

        assertThat(seen).hasSize(colliding.size());
        assertThat(interner.size()).isLessThanOrEqualTo(SharingTable.MAX_PROBES);
    }

    @Test
    void shouldShareMapsBuiltFromTheSamePairs() {
        SharedMaps<TrivySeverity> maps = new SharedMaps<>();
        maps.start();
        maps.put("nvd", TrivySeverity.HIGH);
        maps.put("debian", TrivySeverity.LOW);
        Map<String, TrivySeverity> first = maps.finish();
        maps.start();
        maps.put("nvd", TrivySeverity.HIGH);
        maps.put("debian", TrivySeverity.LOW);
        Map<String, TrivySeverity> second = maps.finish();
        maps.start();
        maps.put("nvd", TrivySeverity.HIGH);
        maps.put("nvd", TrivySeverity.CRITICAL);
        Map<String, TrivySeverity> repeatedKey = maps.finish();
        maps.start();

        assertThat(first).isEqualTo(Map.of("nvd", TrivySeverity.HIGH, "debian", TrivySeverity.LOW)).isSameAs(second);
        assertThat(repeatedKey).isEqualTo(Map.of("nvd", TrivySeverity.CRITICAL));
        assertThat(maps.finish()).isEmpty();
        maps.start();
        maps.put("nvd", TrivySeverity.HIGH);
        maps.put("debian", TrivySeverity.LOW);
        assertThat(maps.finish()).as("found again after another map was built").isSameAs(first);
        maps.start();
        maps.put("debian", TrivySeverity.LOW);
        maps.put("nvd", TrivySeverity.HIGH);
        assertThat(maps.finish()).as("the same pairs in another order").isEqualTo(first);
    }

    @Test
    void shouldShareCvssDataWithTheSameScoresAndVectors() {
        SharedCvss cvss = new SharedCvss();
        String vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

        Cvss first = cvss.of(0, "", 9.8, vector, 0, "");
        Cvss second = cvss.of(-1, "", 9.8, vector, Double.NaN, "");
        Cvss other = cvss.of(0, "", 7.5, vector, 0, "");

        assertThat(first).isSameAs(second)
                .isEqualTo(new Cvss(Optional.empty(), "", Optional.of(9.8), vector, Optional.empty(), ""));
        assertThat(other.v3Score()).contains(7.5);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void shouldShareRepeatedValuesAcrossTheVulnerabilitiesOfOneReport() throws IOException {
        String vuln = "{\"VulnerabilityID\":\"%s\",\"PkgName\":\"openssl\",\"InstalledVersion\":\"3.0.11-1\","
                + "\"FixedVersion\":\"3.0.13-1\",\"Status\":\"fixed\",\"Severity\":\"HIGH\","
                + "\"SeveritySource\":\"debian\","
                + "\"PkgIdentifier\":{\"PURL\":\"pkg:deb/debian/openssl@3.0.11-1\"},\"VendorSeverity\":{\"debian\":2,"
                + "\"nvd\":3},\"CVSS\":{\"nvd\":{\"V3Vector\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\","
                + "\"V3Score\":9.8}},\"Title\":\"openssl: flaw\"}";
        String json = "[" + vuln.formatted("CVE-2024-0001") + "," + vuln.formatted("CVE-2024-0002") + "]";
        List<Vulnerability> read = new ArrayList<>();
        VulnerabilityReader reader = new VulnerabilityReader();
        try (JsonParser p = new ObjectMapper().getFactory().createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                read.add(reader.read(new ReportJson(p, "shared.json")));
            }
        }

        Vulnerability a = read.get(0);
        Vulnerability b = read.get(1);
        assertThat(a.id()).isEqualTo("CVE-2024-0001");
        assertThat(b.id()).isEqualTo("CVE-2024-0002");
        assertThat(b.pkgName()).isSameAs(a.pkgName());
        assertThat(b.purl()).isEqualTo("pkg:deb/debian/openssl@3.0.11-1").isSameAs(a.purl());
        assertThat(b.installedVersion()).isSameAs(a.installedVersion());
        assertThat(b.vendorSeverity()).isSameAs(a.vendorSeverity())
                .isEqualTo(Map.of("debian", TrivySeverity.MEDIUM, "nvd", TrivySeverity.HIGH));
        assertThat(b.cvss()).isSameAs(a.cvss());
        assertThat(b.cvssScore()).contains(9.8);
    }
}
