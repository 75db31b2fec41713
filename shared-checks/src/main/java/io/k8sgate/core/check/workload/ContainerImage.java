package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Container;
import java.util.stream.Stream;

/**
 * A container together with its parsed image reference, for the image checks. Containers without an image are
 * left out: the API server rejects them, and there is no reference to judge.
 *
 * @param container the container
 * @param image     its image reference
 */
record ContainerImage(Container container, ImageReference image) {
    /** Every container of the inputs that names an image. */
    static Stream<ContainerImage> all(final CheckContext context) {
        return context.containers().filter(c -> !c.image().isBlank())
                .map(c -> new ContainerImage(c, ImageReference.parse(c.image())));
    }

    /** The start of a message about the image: {@code Container 'app' uses image 'app:1.0'}. */
    String describe() {
        return "Container '" + container.name() + "' uses image '" + container.image() + "'";
    }
}
