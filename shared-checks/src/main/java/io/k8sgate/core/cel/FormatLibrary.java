package io.k8sgate.core.cel;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Kubernetes format library: {@code format.named(name)}, {@code format.dns1123Label()} and the other named
 * formats, and {@code <format>.validate(s)}, which is {@code optional.none()} for a valid string and the API
 * machinery's error messages otherwise.
 */
final class FormatLibrary {
    static final CelType FORMAT = OpaqueType.create("kubernetes.NamedFormat");

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SUBDOMAIN = LABEL + "(\\." + LABEL + ")*";
    private static final String DNS1035 = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static final String QUALIFIED = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String LABEL_VALUE = "(" + QUALIFIED + ")?";
    private static final Pattern QUALIFIED_FORM = Pattern.compile(QUALIFIED);
    private static final Form DNS1123_LABEL = new Form(63, LABEL, "a lowercase RFC 1123 label must consist of lower "
            + "case alphanumeric characters or '-', and must start and end with an alphanumeric character",
            "'my-name',  or '123-abc'");
    private static final Form DNS1123_SUBDOMAIN = new Form(253, SUBDOMAIN, "a lowercase RFC 1123 subdomain must "
            + "consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
            + "character", "'example.com'");
    private static final Form DNS1035_LABEL = new Form(63, DNS1035, "a DNS-1035 label must consist of lower case "
            + "alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric "
            + "character", "'my-name',  or 'abc-123'");
    private static final Form LABEL_VALUE_FORMAT = new Form(63, LABEL_VALUE, "a valid label must be an empty string "
            + "or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
            + "character", "'MyValue',  or 'my_value',  or '12345'");
    private static final Pattern UUID = Pattern.compile(
            "(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");
    private static final Map<String, Named> FORMATS = formats();

    private FormatLibrary() {
    }

    /** A named format: a function from a string to its validation errors. */
    record Named(String name, Function<String, List<String>> validate) {
    }

    private static Map<String, Named> formats() {
        Map<String, Named> all = new LinkedHashMap<>();
        all.put("dns1123Label", new Named("DNS1123Label", s -> dns1123Label(s)));
        all.put("dns1123Subdomain", new Named("DNS1123Subdomain", s -> dns1123Subdomain(s)));
        all.put("dns1035Label", new Named("DNS1035Label", s -> dns1035Label(s)));
        all.put("qualifiedName", new Named("QualifiedName", FormatLibrary::qualifiedName));
        all.put("dns1123LabelPrefix", new Named("DNS1123LabelPrefix", s -> dns1123Label(maskTrailingDash(s))));
        all.put("dns1123SubdomainPrefix", new Named("DNS1123SubdomainPrefix",
                s -> dns1123Subdomain(maskTrailingDash(s))));
        all.put("dns1035LabelPrefix", new Named("DNS1035LabelPrefix", s -> dns1035Label(maskTrailingDash(s))));
        all.put("labelValue", new Named("LabelValue", FormatLibrary::labelValue));
        all.put("uri", new Named("URI", s -> {
            StringBuilder error = new StringBuilder();
            return KubeUrl.parse(s, error).isPresent() ? List.of() : List.of(error.toString());
        }));
        all.put("uuid", new Named("uuid", s -> UUID.matcher(s).matches() ? List.of()
                : List.of("does not match the UUID format")));
        all.put("byte", new Named("byte", s -> {
            try {
                Base64.getDecoder().decode(s);
                return List.of();
            } catch (IllegalArgumentException e) {
                return List.of("invalid base64");
            }
        }));
        all.put("date", new Named("date", s -> {
            try {
                LocalDate.parse(s);
                return List.of();
            } catch (DateTimeParseException e) {
                return List.of("invalid date");
            }
        }));
        all.put("datetime", new Named("datetime", s -> {
            try {
                OffsetDateTime.parse(s);
                return List.of();
            } catch (DateTimeParseException e) {
                return List.of("invalid datetime");
            }
        }));
        return all;
    }

    @SuppressWarnings("Immutable") // the formats are stateless validators
    static Library create() {
        Library library = new Library()
                .global("format.named", "k8s_format_named", OptionalType.create(FORMAT), List.of(SimpleType.STRING),
                        List.of(String.class), args -> Optional.ofNullable(FORMATS.get((String) args[0])))
                .member("validate", "k8s_format_validate", OptionalType.create(ListType.create(SimpleType.STRING)),
                        List.of(FORMAT, SimpleType.STRING), List.of(Named.class, String.class), args -> {
                        List<String> errors = ((Named) args[0]).validate().apply((String) args[1]);
                        return errors.isEmpty() ? Optional.empty() : Optional.of(errors);
                    });
        FORMATS.forEach((name, format) -> library.global("format." + name, "k8s_format_" + name, FORMAT, List.of(),
                List.of(), args -> format));
        return library;
    }

    private static String maskTrailingDash(final String s) {
        return s.length() > 1 && s.endsWith("-") ? s.substring(0, s.length() - 1) + "a" : s;
    }

    private static List<String> dns1123Label(final String s) {
        return DNS1123_LABEL.validate(s);
    }

    private static List<String> dns1123Subdomain(final String s) {
        return DNS1123_SUBDOMAIN.validate(s);
    }

    private static List<String> dns1035Label(final String s) {
        return DNS1035_LABEL.validate(s);
    }

    private static List<String> labelValue(final String s) {
        return LABEL_VALUE_FORMAT.validate(s);
    }

    private static List<String> qualifiedName(final String s) {
        List<String> errors = new ArrayList<>();
        String[] parts = s.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            name = parts[1];
            if (parts[0].isEmpty()) {
                errors.add("prefix part must be non-empty");
            } else {
                dns1123Subdomain(parts[0]).forEach(e -> errors.add("prefix part " + e));
            }
        } else {
            return List.of("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must "
                    + "start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', "
                    + "regex used for validation is '" + QUALIFIED + "') with an optional DNS subdomain prefix and "
                    + "'/' (e.g. 'example.com/MyName')");
        }
        if (name.isEmpty()) {
            errors.add("name part must be non-empty");
        } else if (name.length() > 63) {
            errors.add("name part must be no more than 63 characters");
        }
        if (!name.isEmpty() && !QUALIFIED_FORM.matcher(name).matches()) {
            errors.add("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
                    + "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
                    + "validation is '" + QUALIFIED + "')");
        }
        return errors;
    }

    /** A format of the API machinery: a longest length and a pattern, and the messages when they do not hold. */
    private record Form(int max, Pattern form, String message) {
        Form(final int max, final String regex, final String description, final String examples) {
            this(max, Pattern.compile(regex), description + " (e.g. " + examples + ", regex used for validation is '"
                    + regex + "')");
        }

        List<String> validate(final String s) {
            List<String> errors = new ArrayList<>();
            if (s.length() > max) {
                errors.add("must be no more than " + max + " characters");
            }
            if (!form.matcher(s).matches()) {
                errors.add(message);
            }
            return errors;
        }
    }
}
