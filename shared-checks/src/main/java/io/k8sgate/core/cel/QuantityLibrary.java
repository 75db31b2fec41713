package io.k8sgate.core.cel;

import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The Kubernetes quantity library: {@code quantity(s)}, {@code isQuantity(s)} and, on a quantity, {@code sign},
 * {@code isInteger}, {@code asInteger}, {@code asApproximateFloat}, {@code add}, {@code sub}, {@code isLessThan},
 * {@code isGreaterThan}, {@code compareTo}.
 */
final class QuantityLibrary {
    /** The CEL type of a quantity. */
    static final CelType QUANTITY = OpaqueType.create("kubernetes.Quantity");

    private QuantityLibrary() {
    }

    static Library create() {
        List<Class<?>> one = List.of(Quantity.class);
        List<Class<?>> two = List.of(Quantity.class, Quantity.class);
        List<Class<?>> withInt = List.of(Quantity.class, Long.class);
        List<CelType> q = List.of(QUANTITY);
        List<CelType> qq = List.of(QUANTITY, QUANTITY);
        List<CelType> qi = List.of(QUANTITY, SimpleType.INT);
        return new Library()
                .global("quantity", "k8s_string_to_quantity", QUANTITY, List.of(SimpleType.STRING),
                        List.of(String.class), args -> parse((String) args[0]))
                .global("isQuantity", "k8s_is_quantity_string", SimpleType.BOOL, List.of(SimpleType.STRING),
                        List.of(String.class), args -> Quantity.parse((String) args[0]).isPresent())
                .member("sign", "k8s_quantity_sign", SimpleType.INT, q, one, args -> ((Quantity) args[0]).sign())
                .member("isInteger", "k8s_quantity_is_integer", SimpleType.BOOL, q, one,
                        args -> ((Quantity) args[0]).isInteger())
                .member("asInteger", "k8s_quantity_as_integer", SimpleType.INT, q, one, args -> {
                    Quantity value = (Quantity) args[0];
                    if (!value.isInteger()) {
                        throw new CelEvaluationException("cannot convert value to integer: " + value);
                    }
                    return value.value().longValueExact();
                })
                .member("asApproximateFloat", "k8s_quantity_as_float", SimpleType.DOUBLE, q, one,
                        args -> ((Quantity) args[0]).approximate())
                .member("add", "k8s_quantity_add", QUANTITY, qq, two,
                        args -> ((Quantity) args[0]).plus(((Quantity) args[1]).value()))
                .member("add", "k8s_quantity_add_int", QUANTITY, qi, withInt,
                        args -> ((Quantity) args[0]).plus(BigDecimal.valueOf((Long) args[1])))
                .member("sub", "k8s_quantity_sub", QUANTITY, qq, two,
                        args -> ((Quantity) args[0]).plus(((Quantity) args[1]).value().negate()))
                .member("sub", "k8s_quantity_sub_int", QUANTITY, qi, withInt,
                        args -> ((Quantity) args[0]).plus(BigDecimal.valueOf(-(Long) args[1])))
                .member("isLessThan", "k8s_quantity_less", SimpleType.BOOL, qq, two,
                        args -> ((Quantity) args[0]).compareTo((Quantity) args[1]) < 0)
                .member("isGreaterThan", "k8s_quantity_greater", SimpleType.BOOL, qq, two,
                        args -> ((Quantity) args[0]).compareTo((Quantity) args[1]) > 0)
                .member("compareTo", "k8s_quantity_compare", SimpleType.INT, qq, two,
                        args -> (long) Integer.signum(((Quantity) args[0]).compareTo((Quantity) args[1])));
    }

    private static Quantity parse(final String text) throws CelEvaluationException {
        return Quantity.parse(text).orElseThrow(() -> new CelEvaluationException("quantities must match the "
                + "regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': '" + text + "'"));
    }
}
