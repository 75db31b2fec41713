package io.k8sgate.core.input;

import io.k8sgate.core.model.Location;
import java.util.Optional;

/**
 * One document of a YAML stream.
 *
 * @param index 1-based position of the document in its file
 * @param start where the document starts
 * @param root  the document's content; empty for a document with only comments
 */
public record YamlDocument(int index, Location start, Optional<YamlNode> root) {
}
