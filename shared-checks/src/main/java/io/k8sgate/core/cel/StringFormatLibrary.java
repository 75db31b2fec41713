package io.k8sgate.core.cel;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code "...".format([args])} of CEL's strings extension (version 2, as Kubernetes enables it), which the CEL
 * library for Java does not provide: the verbs {@code %s %d %f %e %x %X %o %b} and {@code %%}, with an optional
 * precision for {@code %f} and {@code %e}.
 */
final class StringFormatLibrary {
    private StringFormatLibrary() {
    }

    static Library create() {
        return new Library().member("format", "string_format_list", SimpleType.STRING, List.of(SimpleType.STRING,
                ListType.create(SimpleType.DYN)), List.of(String.class, List.class),
                args -> format((String) args[0], (List<?>) args[1]));
    }

    @SuppressWarnings("IncrementInForLoopAndHeader") // a scanner: a directive consumes what follows its '%'
    static String format(final String template, final List<?> args) throws CelEvaluationException {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            i++;
            if (i >= template.length()) {
                throw error("unexpected end of string");
            }
            if (template.charAt(i) == '%') {
                out.append('%');
                continue;
            }
            int precision = -1;
            if (template.charAt(i) == '.') {
                int start = ++i;
                while (i < template.length() && Character.isDigit(template.charAt(i))) {
                    i++;
                }
                if (start == i || i >= template.length()) {
                    throw error("unable to find end of precision specifier");
                }
                precision = Integer.parseInt(template.substring(start, i));
            }
            if (next >= args.size()) {
                throw error("index " + next + " out of range");
            }
            out.append(verb(template.charAt(i), precision, args.get(next++)));
        }
        return out.toString();
    }

    private static String verb(final char verb, final int precision, final Object arg) throws CelEvaluationException {
        switch (verb) {
            case 's':
                return text(arg);
            case 'd':
                if (arg instanceof Long || arg instanceof UnsignedLong) {
                    return arg.toString();
                }
                throw error("decimal clause can only be used on integers, was given " + Values.typeName(arg));
            case 'f':
            case 'e':
                return fixedOrScientific(verb, precision < 0 ? 6 : precision, arg);
            case 'x':
            case 'X':
                String hex = hex(arg);
                return verb == 'X' ? hex.toUpperCase(Locale.ROOT) : hex;
            case 'o':
                return integer(arg, "octal").toString(8);
            case 'b':
                if (arg instanceof Boolean b) {
                    return b.toString();
                }
                return integer(arg, "binary").toString(2);
            default:
                throw error("unrecognized formatting clause \"" + verb + "\"");
        }
    }

    private static String fixedOrScientific(final char verb, final int precision, final Object arg)
            throws CelEvaluationException {
        double value;
        if (arg instanceof Double d) {
            value = d;
        } else if (arg instanceof Long l) {
            value = l;
        } else if (arg instanceof UnsignedLong u) {
            value = u.doubleValue();
        } else {
            throw error((verb == 'f' ? "fixed-point" : "scientific") + " clause can only be used on doubles, was "
                    + "given " + Values.typeName(arg));
        }
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (verb == 'f') {
            return String.format(Locale.ROOT, "%." + precision + "f", value);
        }
        return String.format(Locale.ROOT, "%." + precision + "e", value);
    }

    private static BigInteger integer(final Object arg, final String clause) throws CelEvaluationException {
        if (arg instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (arg instanceof UnsignedLong u) {
            return u.bigIntegerValue();
        }
        throw error(clause + " clause can only be used on integers, was given " + Values.typeName(arg));
    }

    private static String hex(final Object arg) throws CelEvaluationException {
        if (arg instanceof String s) {
            return hexBytes(s.getBytes(StandardCharsets.UTF_8));
        }
        if (arg instanceof com.google.protobuf.ByteString b) {
            return hexBytes(b.toByteArray());
        }
        if (arg instanceof dev.cel.common.values.CelByteString b) {
            return hexBytes(b.toByteArray());
        }
        BigInteger v = integer(arg, "hex");
        return v.signum() < 0 ? "-" + v.negate().toString(16) : v.toString(16);
    }

    private static String hexBytes(final byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    /** The {@code %s} form of a value, as CEL's {@code string()} would give it, lists and maps included. */
    static String text(final Object arg) {
        if (arg instanceof Double d) {
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
                return new BigDecimal(d).toPlainString();
            }
            return d.toString();
        }
        if (arg instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(text(list.get(i)));
            }
            return sb.append(']').toString();
        }
        if (arg instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            map.entrySet().stream().map(e -> text(e.getKey()) + ": " + text(e.getValue())).sorted()
                    .forEach(e -> sb.append(sb.length() > 1 ? ", " : "").append(e));
            return sb.append('}').toString();
        }
        if (arg instanceof dev.cel.common.values.NullValue) {
            return "null";
        }
        return String.valueOf(arg);
    }

    private static CelEvaluationException error(final String message) {
        return new CelEvaluationException("error during formatting: " + message);
    }
}
