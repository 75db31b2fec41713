package io.k8sgate.core.cel;

import com.google.common.primitives.UnsignedLong;
import dev.cel.runtime.CelEvaluationException;
import java.math.BigDecimal;
import java.util.Objects;

/** Comparison and equality of CEL values as the CEL specification defines them across numeric types. */
final class Values {
    private static final java.util.Map<Class<?>, String> NAMES = java.util.Map.of(Long.class, "int", Double.class,
            "double", UnsignedLong.class, "uint", String.class, "string", Boolean.class, "bool");

    private Values() {
    }

    /** True for CEL's numbers. */
    static boolean isNumber(final Object v) {
        return v instanceof Long || v instanceof Double || v instanceof UnsignedLong;
    }

    /** CEL equality: numbers compare by value whatever their type, everything else by {@code equals}. */
    static boolean equal(final Object a, final Object b) {
        if (isNumber(a) && isNumber(b)) {
            return !(a instanceof Double d && d.isNaN()) && !(b instanceof Double e && e.isNaN())
                    && decimal(a).compareTo(decimal(b)) == 0;
        }
        return Objects.equals(a, b);
    }

    /** CEL ordering: numbers by value, otherwise values of one comparable type. */
    @SuppressWarnings({"unchecked", "rawtypes", "PatternMatchingInstanceof"}) // classes checked equal and Comparable
    static int compare(final Object a, final Object b) throws CelEvaluationException {
        if (isNumber(a) && isNumber(b)) {
            if ((a instanceof Double d && d.isNaN()) || (b instanceof Double e && e.isNaN())) {
                throw new CelEvaluationException("NaN values cannot be ordered");
            }
            return decimal(a).compareTo(decimal(b));
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable) {
            return ((Comparable) a).compareTo(b);
        }
        throw new CelEvaluationException("no ordering between " + typeName(a) + " and " + typeName(b));
    }

    /** The exact value of a number; infinities compare beyond every finite double. */
    private static BigDecimal decimal(final Object n) {
        if (n instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (n instanceof UnsignedLong u) {
            return new BigDecimal(u.bigIntegerValue());
        }
        double d = (Double) n;
        return Double.isInfinite(d) ? BigDecimal.valueOf(Math.copySign(Double.MAX_VALUE, d)).multiply(BigDecimal.TEN)
                : BigDecimal.valueOf(d);
    }

    /** A CEL type name for messages. */
    static String typeName(final Object v) {
        String name = NAMES.get(v.getClass());
        if (name != null) {
            return name;
        }
        return v instanceof java.util.List ? "list" : v instanceof java.util.Map ? "map" : v.getClass().getSimpleName();
    }
}
