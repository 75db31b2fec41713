package io.k8sgate.maven;

import java.lang.reflect.Field;
import java.util.Map;

/** Sets a goal's parameters the way Maven injects them, by field, so tests run a goal's own option mapping. */
final class Mojos {
    private Mojos() {
    }

    /** The goal with the given parameters set (others stay as Maven leaves unset ones: null or false). */
    static <T> T configure(final T mojo, final Map<String, Object> parameters) {
        parameters.forEach((name, value) -> set(mojo, name, value));
        return mojo;
    }

    private static void set(final Object mojo, final String name, final Object value) {
        for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(mojo, value);
                return;
            } catch (NoSuchFieldException e) {
                // a parameter of a superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot set parameter " + name, e);
            }
        }
        throw new IllegalArgumentException("No parameter " + name + " in " + mojo.getClass().getName());
    }
}
