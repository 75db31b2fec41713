package io.k8sgate.core.cel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1.5Gi}, {@code 2e3}) as an exact decimal, read with the
 * rules of the API machinery: a signed decimal number and one suffix, binary ({@code Ki} .. {@code Ei}), decimal
 * ({@code n u m k M G T P E}) or a decimal exponent ({@code e3}, {@code E-2}). Equal when their values are.
 */
final class Quantity implements Comparable<Quantity> {
    private static final Pattern FORM = Pattern.compile(
            "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))([eE][+-]?[0-9]+|[KMGTPE]i|[numkMGTPE]?)");
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);

    private final BigDecimal value;

    Quantity(final BigDecimal value) {
        this.value = value;
    }

    /** Reads a quantity, if the text is one. */
    static Optional<Quantity> parse(final String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(m.group(1).startsWith("+") ? m.group(1).substring(1) : m.group(1));
        String suffix = m.group(2);
        BigDecimal scaled;
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E') && suffix.charAt(1) != 'i') {
            int exponent;
            try {
                exponent = Integer.parseInt(suffix.substring(1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (Math.abs(exponent) > 1000) {
                return Optional.empty();
            }
            scaled = number.scaleByPowerOfTen(exponent);
        } else if (suffix.endsWith("i")) {
            int power = "KMGTPE".indexOf(suffix.charAt(0)) + 1;
            scaled = number.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(10 * power)));
        } else {
            scaled = number.scaleByPowerOfTen(decimalExponent(suffix));
        }
        return Optional.of(new Quantity(scaled));
    }

    private static int decimalExponent(final String suffix) {
        switch (suffix) {
            case "n":
                return -9;
            case "u":
                return -6;
            case "m":
                return -3;
            case "k":
                return 3;
            case "M":
                return 6;
            case "G":
                return 9;
            case "T":
                return 12;
            case "P":
                return 15;
            case "E":
                return 18;
            default:
                return 0;
        }
    }

    /** The exact value. */
    BigDecimal value() {
        return value;
    }

    /** -1, 0 or 1. */
    long sign() {
        return value.signum();
    }

    /** True when the value is a whole number that fits in a signed 64-bit integer. */
    boolean isInteger() {
        return value.signum() == 0 || (value.stripTrailingZeros().scale() <= 0 && value.compareTo(MAX_LONG) <= 0
                && value.compareTo(MIN_LONG) >= 0);
    }

    /** The value as a double, possibly rounded (infinite beyond the range of a double). */
    double approximate() {
        return value.doubleValue();
    }

    Quantity plus(final BigDecimal other) {
        return new Quantity(value.add(other));
    }

    @Override
    public int compareTo(final Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Quantity q && value.compareTo(q.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return value.stripTrailingZeros().toPlainString();
    }
}
