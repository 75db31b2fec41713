package io.k8sgate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.k8sgate.core.input.LoaderLimits;
import io.k8sgate.core.input.YamlParser;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped JSON Schema must accept what the loader accepts and know every key the loader knows. */
class PolicySchemaTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode schemaJson() throws IOException {
        try (InputStream in = Policy.class.getResourceAsStream("k8s-security.schema.json")) {
            assertThat(in).as("schema shipped in the engine jar").isNotNull();
            return mapper.readTree(in);
        }
    }

    private Set<ValidationMessage> validate(final String fixture) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson());
        String text = Files.readString(Fixtures.path(fixture));
        Object value = new YamlParser(LoaderLimits.DEFAULT).parse(fixture, text, d -> { }).get(0).root()
                .orElseThrow().toJava();
        return schema.validate(mapper.valueToTree(value));
    }

    @Test
    void shouldAcceptTheFullPolicy() throws IOException {
        assertThat(validate("policies/full.yaml")).isEmpty();
    }

    @Test
    void shouldDescribeCustomChecksAndTheirIds() throws IOException {
        assertThat(validate("rules/custom/k8s-security.yaml")).isEmpty();
        assertThat(validate("rules/custom/bad-ids.yaml")).extracting(ValidationMessage::getInstanceLocation)
                .map(Object::toString).anyMatch(l -> l.contains("customChecks[0].id"))
                .anyMatch(l -> l.contains("customChecks[1].id")).anyMatch(l -> l.contains("customChecks[2].id"))
                .anyMatch(l -> l.contains("customChecks[5]"));
    }

    @Test
    void shouldRejectUnknownKeysLikeTheLoader() throws IOException {
        assertThat(validate("policies/unknown-key.yaml")).isNotEmpty();
        assertThat(validate("policies/bad-values.yaml")).isNotEmpty();
    }

    @Test
    void shouldDescribeEveryTopLevelKeyTheLoaderKnows() throws Exception {
        Field field = PolicyLoader.class.getDeclaredField("TOP_LEVEL");
        field.setAccessible(true);
        @SuppressWarnings("unchecked") // the field's declared type
        Set<String> keys = (Set<String>) field.get(null);
        List<String> described = new ArrayList<>();
        Iterator<String> names = ((ObjectNode) schemaJson().get("properties")).fieldNames();
        names.forEachRemaining(described::add);
        assertThat(described).containsExactlyInAnyOrderElementsOf(keys);
    }
}
