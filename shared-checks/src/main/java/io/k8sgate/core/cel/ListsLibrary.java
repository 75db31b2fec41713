package io.k8sgate.core.cel;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.runtime.CelEvaluationException;
import java.util.List;

/**
 * The Kubernetes list library: {@code isSorted}, {@code sum}, {@code min}, {@code max}, {@code indexOf} and
 * {@code lastIndexOf} on lists of comparable values.
 */
final class ListsLibrary {
    private static final CelType A = TypeParamType.create("A");
    private static final CelType LIST_A = ListType.create(A);

    private ListsLibrary() {
    }

    static Library create() {
        List<Class<?>> list = List.of(List.class);
        List<Class<?>> listAndValue = List.of(List.class, Object.class);
        return new Library()
                .member("isSorted", "k8s_list_is_sorted", SimpleType.BOOL, List.of(LIST_A), list,
                        args -> isSorted((List<?>) args[0]))
                .member("sum", "k8s_list_sum", A, List.of(LIST_A), list, args -> sum((List<?>) args[0]))
                .member("min", "k8s_list_min", A, List.of(LIST_A), list, args -> extreme((List<?>) args[0], -1))
                .member("max", "k8s_list_max", A, List.of(LIST_A), list, args -> extreme((List<?>) args[0], 1))
                .member("indexOf", "k8s_list_index_of", SimpleType.INT, List.of(LIST_A, A), listAndValue,
                        args -> indexOf((List<?>) args[0], args[1], false))
                .member("lastIndexOf", "k8s_list_last_index_of", SimpleType.INT, List.of(LIST_A, A), listAndValue,
                        args -> indexOf((List<?>) args[0], args[1], true));
    }

    private static boolean isSorted(final List<?> list) throws CelEvaluationException {
        for (int i = 1; i < list.size(); i++) {
            if (Values.compare(list.get(i - 1), list.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static Object extreme(final List<?> list, final int sign) throws CelEvaluationException {
        if (list.isEmpty()) {
            throw new CelEvaluationException((sign > 0 ? "max" : "min") + " called on empty list");
        }
        Object best = list.get(0);
        for (Object v : list) {
            if (Integer.signum(Values.compare(v, best)) == sign) {
                best = v;
            }
        }
        return best;
    }

    private static long indexOf(final List<?> list, final Object value, final boolean last) {
        if (last) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (Values.equal(list.get(i), value)) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = 0; i < list.size(); i++) {
            if (Values.equal(list.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    private static Object sum(final List<?> list) throws CelEvaluationException {
        if (list.isEmpty()) {
            return 0L;
        }
        Object first = list.get(0);
        try {
            if (first instanceof Long) {
                long total = 0;
                for (Object v : list) {
                    total = Math.addExact(total, (Long) v);
                }
                return total;
            }
            if (first instanceof Double) {
                double total = 0;
                for (Object v : list) {
                    total += (Double) v;
                }
                return total;
            }
            if (first instanceof UnsignedLong) {
                UnsignedLong total = UnsignedLong.ZERO;
                for (Object v : list) {
                    total = total.plus((UnsignedLong) v);
                }
                return total;
            }
            if (first instanceof java.time.Duration) {
                java.time.Duration total = java.time.Duration.ZERO;
                for (Object v : list) {
                    total = total.plus((java.time.Duration) v);
                }
                return total;
            }
            if (first instanceof com.google.protobuf.Duration) {
                java.time.Duration total = java.time.Duration.ZERO;
                for (Object v : list) {
                    com.google.protobuf.Duration d = (com.google.protobuf.Duration) v;
                    total = total.plusSeconds(d.getSeconds()).plusNanos(d.getNanos());
                }
                return com.google.protobuf.Duration.newBuilder().setSeconds(total.getSeconds())
                        .setNanos(total.getNano()).build();
            }
        } catch (ClassCastException e) {
            throw new CelEvaluationException("sum() needs a list of one numeric or duration type", e);
        } catch (ArithmeticException e) {
            throw new CelEvaluationException("integer overflow in sum()", e);
        }
        throw new CelEvaluationException("sum() is not defined for a list of " + Values.typeName(first));
    }
}
