package io.k8sgate.core.policy;

import io.k8sgate.core.model.Location;
import java.util.List;
import java.util.stream.Collectors;

/** The policy or the request is wrong: the run cannot start. Each problem names the file and line. */
public class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /** One problem in a configuration file. */
    public record Problem(Location location, String message) {
        @Override
        public String toString() {
            return location + ": " + message;
        }
    }

    /** A configuration error made of one or more problems. */
    public ConfigurationException(final List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    /** A single configuration problem. */
    public ConfigurationException(final Location location, final String message) {
        this(List.of(new Problem(location, message)));
    }

    /** Every problem found. */
    public List<Problem> problems() {
        return problems;
    }
}
