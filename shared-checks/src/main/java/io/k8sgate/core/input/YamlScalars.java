package io.k8sgate.core.input;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads scalars the way Kubernetes does: its YAML reader (sigs.k8s.io/yaml) resolves plain scalars and core-schema
 * tags with YAML 1.1 rules ({@code yes}, {@code on}, {@code y} are booleans; {@code 0x1F}, {@code 0o17}, {@code 017},
 * {@code 0b1}, {@code 1_000} are integers; {@code 1e3} and {@code 0.} are floats), converts the result to JSON, and
 * the API server decodes that JSON into typed fields. Every rule here was compared with what {@code kubectl} decodes
 * (see {@code KubectlDifferentialTest}).
 */
final class YamlScalars {
    /** What a scalar is once resolved: the JSON type it becomes. */
    enum Kind { STRING, BOOLEAN, INTEGER, FLOAT, NULL }

    static final String CORE = "tag:yaml.org,2002:";
    static final String STR = CORE + "str";
    static final String BOOL = CORE + "bool";
    static final String INT = CORE + "int";
    static final String FLOAT = CORE + "float";
    static final String NULL = CORE + "null";
    static final String TIMESTAMP = CORE + "timestamp";
    static final String BINARY = CORE + "binary";
    static final String MERGE = CORE + "merge";

    private static final Map<String, Kind> WORDS = new HashMap<>();
    private static final Map<String, Boolean> BOOLEANS = new HashMap<>();
    /** The floats JSON cannot hold, which Kubernetes' reader refuses as values. */
    private static final Set<String> NOT_FINITE = Set.of(".nan", ".NaN", ".NAN", ".inf", ".Inf",
            ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF");
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern GO_DECIMAL_FLOAT = Pattern.compile(
            "[-+]?(\\d+(_\\d+)*(\\.(\\d+(_\\d+)*)?)?|\\.\\d+(_\\d+)*)([eE][-+]?\\d+(_\\d+)*)?");
    private static final Pattern TIMESTAMP_TEXT = Pattern.compile(
            "\\d{4}-\\d{1,2}-\\d{1,2}(?:[Tt]\\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d{1,9})?(?:Z|[-+]\\d{2}:\\d{2})"
                    + "| \\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d{1,9})?)?");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    /** JSON writes floats at or over this magnitude in exponent form, which an integer field refuses. */
    private static final double EXPONENT_FORM = 1e21;

    static {
        for (String w : new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
            BOOLEANS.put(w, Boolean.TRUE);
        }
        for (String w : new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
            BOOLEANS.put(w, Boolean.FALSE);
        }
        BOOLEANS.keySet().forEach(w -> WORDS.put(w, Kind.BOOLEAN));
        for (String w : new String[] {"", "~", "null", "Null", "NULL"}) {
            WORDS.put(w, Kind.NULL);
        }
        NOT_FINITE.forEach(w -> WORDS.put(w, Kind.FLOAT));
    }

    /** A scalar the reader refuses; the message says why, as Kubernetes' reader would. */
    static final class ScalarException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScalarException(final String message) {
            super(message);
        }

        /** The message: never null, since every constructor takes one. */
        @Override
        public String getMessage() {
            return Objects.requireNonNull(super.getMessage());
        }
    }

    /**
     * A resolved scalar.
     *
     * @param kind the JSON type it becomes
     * @param text the text it holds: the string for strings (a {@code !!binary} value decoded), the text as written
     *             for the others
     */
    record Resolved(Kind kind, String text) {
    }

    private YamlScalars() {
    }

    /**
     * Resolves a scalar value.
     *
     * @param tag   the explicit tag in full form ({@code tag:yaml.org,2002:bool}, {@code !}, {@code !local}), or null
     * @param value the scalar's text
     * @param plain whether it was written without quotes or block indicator
     * @throws ScalarException when Kubernetes' reader refuses the value
     */
    static Resolved resolve(final @Nullable String tag, final String value, final boolean plain) {
        Resolved r = resolveTagged(tag, value, plain);
        if (r.kind == Kind.FLOAT && NOT_FINITE.contains(r.text.replace("_", ""))) {
            throw new ScalarException("'" + value + "' is not a finite number: Kubernetes converts YAML to JSON, "
                    + "which cannot hold it");
        }
        return r;
    }

    /**
     * The string a mapping key becomes: Kubernetes' reader turns resolved keys into JSON object keys (so {@code yes:}
     * is the key {@code "true"} and {@code 0x10:} the key {@code "16"}).
     *
     * @throws ScalarException for a null key, or an integer beyond the signed 64-bit range, which it refuses
     */
    static String key(final @Nullable String tag, final String value, final boolean plain) {
        Resolved r = resolveTagged(tag, value, plain);
        switch (r.kind) {
            case STRING:
                return r.text;
            case BOOLEAN:
                return String.valueOf(BOOLEANS.get(r.text));
            case NULL:
                throw new ScalarException("A null mapping key ('" + value + "'): Kubernetes' YAML reader refuses it");
            case INTEGER: {
                BigInteger n = integer(r.text);
                if (n.compareTo(INT64_MAX) > 0) {
                    throw new ScalarException("The mapping key " + value + " is beyond the signed 64-bit range: "
                            + "Kubernetes' YAML reader refuses it");
                }
                return n.toString();
            }
            default:
                return floatKey(r.text);
        }
    }

    private static Resolved resolveTagged(final @Nullable String tag, final String value, final boolean plain) {
        if (tag == null) {
            return plain ? implicit(value, null) : new Resolved(Kind.STRING, value);
        }
        switch (tag) {
            case STR:
                return new Resolved(Kind.STRING, value);
            case BINARY:
                return new Resolved(Kind.STRING, binary(value));
            case BOOL:
            case INT:
            case FLOAT:
            case NULL:
            case TIMESTAMP:
                return implicit(value, tag);
            default:
                // '!', local tags and other global tags: Kubernetes' reader keeps the text as a string
                return new Resolved(Kind.STRING, value);
        }
    }

    /** YAML 1.1 resolution of a plain scalar, checked against an explicit core tag when there is one. */
    private static Resolved implicit(final String value, final @Nullable String tag) {
        Resolved resolved = byShape(value, tag);
        if (tag == null || tag.equals(tagOf(resolved.kind))
                || (TIMESTAMP.equals(tag) && resolved.kind == Kind.STRING && TIMESTAMP_TEXT.matcher(value).matches())) {
            return resolved;
        }
        if (FLOAT.equals(tag) && resolved.kind == Kind.INTEGER) {
            BigInteger n = integer(resolved.text);
            if (n.compareTo(INT64_MAX) <= 0) {
                return new Resolved(Kind.FLOAT, n.toString());
            }
        }
        throw new ScalarException("cannot decode !!" + shortTag(tagOf(resolved.kind)) + " `" + value + "` as a !!"
                + shortTag(tag));
    }

    private static Resolved byShape(final String in, final @Nullable String tag) {
        Kind word = WORDS.get(in);
        if (word != null) {
            return new Resolved(word, in);
        }
        if (in.isEmpty()) {
            return new Resolved(Kind.NULL, in);
        }
        char first = in.charAt(0);
        if (first == '.') {
            return GO_DECIMAL_FLOAT.matcher(in).matches() && finiteDouble(in.replace("_", ""))
                    ? new Resolved(Kind.FLOAT, in) : new Resolved(Kind.STRING, in);
        }
        if (first != '+' && first != '-' && (first < '0' || first > '9')) {
            return new Resolved(Kind.STRING, in);
        }
        if ((tag == null || TIMESTAMP.equals(tag)) && TIMESTAMP_TEXT.matcher(in).matches()) {
            return new Resolved(Kind.STRING, in);
        }
        String plain = in.replace("_", "");
        if (goInteger(plain) != null) {
            return new Resolved(Kind.INTEGER, in);
        }
        if (YAML_FLOAT.matcher(plain).matches() && finiteDouble(plain)) {
            return new Resolved(Kind.FLOAT, in);
        }
        return new Resolved(Kind.STRING, in);
    }

    private static boolean finiteDouble(final String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Go's {@code strconv.ParseInt(s, 0, 64)}, then {@code ParseUint}: an optional sign, then {@code 0x}, {@code 0o},
     * {@code 0b} or a leading {@code 0} (octal) or decimal digits. Null when it is not an integer in range.
     */
    private static @Nullable BigInteger goInteger(final String s) {
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String body = s.substring(i);
        int radix = 10;
        String digits = body;
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = body.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = body.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = body.substring(2);
        } else if (body.length() > 1 && body.charAt(0) == '0') {
            radix = 8;
            digits = body.substring(1);
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int k = 0; k < digits.length(); k++) {
            char c = digits.charAt(k);
            if (c > 127 || Character.digit(c, radix) < 0) {
                return null;
            }
        }
        BigInteger n = new BigInteger(digits, radix);
        if (negative) {
            n = n.negate();
            return n.compareTo(INT64_MIN) >= 0 ? n : null;
        }
        return n.compareTo(UINT64_MAX) <= 0 ? n : null;
    }

    /** The value of a scalar resolved as {@link Kind#INTEGER}. */
    static BigInteger integer(final String text) {
        BigInteger n = goInteger(text.replace("_", ""));
        if (n == null) {
            throw new IllegalArgumentException("not an integer: " + text);
        }
        return n;
    }

    /** The value of a scalar resolved as {@link Kind#FLOAT}. */
    static double floating(final String text) {
        String plain = text.replace("_", "");
        BigInteger n = goInteger(plain);
        return n != null ? n.doubleValue() : Double.parseDouble(plain);
    }

    /** The value of a scalar resolved as {@link Kind#BOOLEAN}. */
    static boolean bool(final String text) {
        return Objects.requireNonNull(BOOLEANS.get(text), "a scalar resolved as a boolean");
    }

    /**
     * What an integer field (int32, int64) decodes from a resolved number, as the API server decodes the JSON that
     * Kubernetes' reader writes: an integer in the signed 64-bit range, or a float that JSON writes as an integer
     * ({@code 1e3} is 1000, {@code 0.0} is 0); empty for what the API server refuses ({@code 0.5}, {@code 1e21},
     * {@code 2^63}).
     */
    static OptionalLong int64(final Kind kind, final String text) {
        if (kind == Kind.INTEGER) {
            BigInteger n = integer(text);
            return n.bitLength() < 64 ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
        }
        if (kind == Kind.FLOAT) {
            double d = floating(text);
            if (d != Math.rint(d) || Math.abs(d) >= EXPONENT_FORM) {
                return OptionalLong.empty();
            }
            BigInteger n = new BigDecimal(Double.toString(d)).toBigInteger();
            return n.bitLength() < 64 ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** The plain Java value a resolved number converts to: what kubectl sends for it. */
    static Object number(final Kind kind, final String text) {
        OptionalLong exact = int64(kind, text);
        if (exact.isPresent()) {
            return exact.getAsLong();
        }
        return kind == Kind.INTEGER ? integer(text) : floating(text);
    }

    /** A float key written as Go's {@code FormatFloat(f, 'g', -1, 32)}, which Kubernetes' reader uses for keys. */
    private static String floatKey(final String text) {
        String plain = text.replace("_", "");
        switch (plain) {
            case ".nan", ".NaN", ".NAN":
                return ".nan";
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return ".inf";
            case "-.inf", "-.Inf", "-.INF":
                return "-.inf";
            default:
                break;
        }
        float f = (float) floating(text);
        if (Float.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        if (f == 0) {
            return 1 / f < 0 ? "-0" : "0";
        }
        BigDecimal exact = shortest(Math.abs(f));
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = f < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int abs = Math.abs(exponent);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
        }
        return sign + exact.toPlainString();
    }

    /** The fewest decimal digits that read back as {@code f} (Go's shortest formatting of a float32). */
    private static BigDecimal shortest(final float f) {
        BigDecimal value = new BigDecimal(f);
        for (int digits = 1; digits < 9; digits++) {
            BigDecimal rounded = value.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.floatValue() == f) {
                return rounded.stripTrailingZeros();
            }
        }
        return value.round(new MathContext(9, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static String binary(final String value) {
        String compact = value.replace("\n", "").replace("\r", "");
        try {
            return new String(Base64.getDecoder().decode(compact), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ScalarException("!!binary value contains invalid base64 data");
        }
    }

    private static String tagOf(final Kind kind) {
        switch (kind) {
            case BOOLEAN:
                return BOOL;
            case INTEGER:
                return INT;
            case FLOAT:
                return FLOAT;
            case NULL:
                return NULL;
            default:
                return STR;
        }
    }

    private static String shortTag(final String tag) {
        return tag.startsWith(CORE) ? tag.substring(CORE.length()) : tag;
    }
}
