package dev.voltage.session.internal.request;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Refuses session values that could not survive a restart or a fail-over, at the moment they are
 * stored rather than later, when the container tries to write them and the data is lost.
 *
 * <p>What a cart is usually made of (JDK values, collections, maps, arrays and records) is checked
 * by walking it, which costs far less than serialising it; any other object is serialised to
 * nowhere, which finds a non-serializable field however deep.
 */
final class SerializableValues {

    /** Deeper than this, the walk gives way to serialisation, which also handles cycles. */
    private static final int MAX_DEPTH = 32;

    private SerializableValues() {
    }

    /**
     * Checks that a value, and everything it refers to, can be serialised.
     *
     * @throws IllegalArgumentException naming the key and the class that cannot be serialised
     */
    static void requireSerializable(String key, Object value) {
        Class<?> culprit;
        try {
            culprit = firstNotSerializable(value, 0);
        } catch (NeedsSerialization e) {
            culprit = bySerialization(key, value);
        }
        if (culprit != null) {
            throw notSerializable(key, value, culprit.getName(), null);
        }
    }

    /** The class of the first part of {@code value} that is not serializable, or {@code null}. */
    private static Class<?> firstNotSerializable(Object value, int depth) {
        if (value == null) {
            return null;
        }
        Kind kind = KINDS.get(value.getClass());
        if (kind == Kind.PLAIN || kind == Kind.PRIMITIVE_ARRAY) {
            return null;
        }
        if (kind == Kind.NOT_SERIALIZABLE) {
            return value.getClass();
        }
        if (depth > MAX_DEPTH) {
            throw new NeedsSerialization();
        }
        switch (kind) {
            case COLLECTION -> {
                for (Object element : (Collection<?>) value) {
                    Class<?> culprit = firstNotSerializable(element, depth + 1);
                    if (culprit != null) {
                        return culprit;
                    }
                }
                return null;
            }
            case MAP -> {
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    Class<?> culprit = firstNotSerializable(entry.getKey(), depth + 1);
                    if (culprit == null) {
                        culprit = firstNotSerializable(entry.getValue(), depth + 1);
                    }
                    if (culprit != null) {
                        return culprit;
                    }
                }
                return null;
            }
            case ARRAY -> {
                for (Object element : (Object[]) value) {
                    Class<?> culprit = firstNotSerializable(element, depth + 1);
                    if (culprit != null) {
                        return culprit;
                    }
                }
                return null;
            }
            case RECORD -> {
                for (Method accessor : RECORD_ACCESSORS.get(value.getClass())) {
                    Class<?> culprit = firstNotSerializable(component(accessor, value), depth + 1);
                    if (culprit != null) {
                        return culprit;
                    }
                }
                return null;
            }
            default -> throw new NeedsSerialization();
        }
    }

    /** How the walk treats the values of one class. */
    private enum Kind {
        /** Always serializable: strings, JDK numbers, booleans, characters, enums, {@code java.time} values. */
        PLAIN,
        /** Does not implement {@code Serializable}. */
        NOT_SERIALIZABLE,
        /** A {@code java.util} collection: its elements are walked. */
        COLLECTION,
        /** A {@code java.util} map: its keys and values are walked. */
        MAP,
        /** An array of primitives. */
        PRIMITIVE_ARRAY,
        /** An array of objects: its elements are walked. */
        ARRAY,
        /** A record: the components that are not of a plain type are walked. */
        RECORD,
        /** Anything else: only serialisation can judge it. */
        OTHER
    }

    /**
     * The kind of each class met, decided once: a walk then costs one lookup a value instead of
     * a chain of {@code instanceof} checks against interfaces, which the JVM answers slowly when
     * the same class is checked against several of them in turn.
     */
    private static final ClassValue<Kind> KINDS = new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
            return kindOf(type);
        }
    };

    private static Kind kindOf(Class<?> type) {
        if (isPlainValueClass(type)) {
            return Kind.PLAIN;
        }
        if (!Serializable.class.isAssignableFrom(type)) {
            return Kind.NOT_SERIALIZABLE;
        }
        boolean javaUtil = type.getName().startsWith("java.util.");
        if (javaUtil && Collection.class.isAssignableFrom(type)) {
            return Kind.COLLECTION;
        }
        if (javaUtil && Map.class.isAssignableFrom(type)) {
            return Kind.MAP;
        }
        if (type.isArray()) {
            return type.getComponentType().isPrimitive() ? Kind.PRIMITIVE_ARRAY : Kind.ARRAY;
        }
        return type.isRecord() ? Kind.RECORD : Kind.OTHER;
    }

    private static boolean isPlainValueClass(Class<?> type) {
        String name = type.getName();
        return type == String.class || Number.class.isAssignableFrom(type) && name.startsWith("java.")
                || type == Boolean.class || type == Character.class || Enum.class.isAssignableFrom(type)
                || TemporalAccessor.class.isAssignableFrom(type) && name.startsWith("java.time.");
    }

    /** Per record class: the accessors of the components whose values need a look, none when all are plain. */
    private static final ClassValue<Method[]> RECORD_ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> recordClass) {
            return accessors(recordClass);
        }
    };

    private static Method[] accessors(Class<?> recordClass) {
        return Arrays.stream(recordClass.getRecordComponents())
                .filter(component -> !isPlainType(component.getType()))
                .map(RecordComponent::getAccessor)
                .peek(accessor -> accessor.setAccessible(true))
                .toArray(Method[]::new);
    }

    /** Types whose every value is serializable: primitives, and final JDK value classes and enums. */
    private static boolean isPlainType(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || type == String.class || type == Integer.class || type == Long.class
                || type == Boolean.class || type == Double.class || type == Float.class || type == Short.class
                || type == Byte.class || type == Character.class || type == java.util.UUID.class
                || type.getName().startsWith("java.time.") && java.lang.reflect.Modifier.isFinal(type.getModifiers())
                && Serializable.class.isAssignableFrom(type);
    }

    private static Object component(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new NeedsSerialization();
        }
    }

    /** Serialises to nowhere: the class that failed, or {@code null} when it worked. */
    private static Class<?> bySerialization(String key, Object value) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(value);
            return null;
        } catch (NotSerializableException e) {
            try {
                return Class.forName(e.getMessage(), false, value.getClass().getClassLoader());
            } catch (ClassNotFoundException | LinkageError unknown) {
                throw notSerializable(key, value, e.getMessage(), e);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The value for session key '" + key + "' (" + value.getClass().getName()
                    + ") failed to serialise: " + e + ". Session values must survive a restart and a fail-over.", e);
        }
    }

    private static IllegalArgumentException notSerializable(String key, Object value, String culprit, Exception cause) {
        String what = value.getClass().getName();
        String why = culprit.equals(what) ? ", which is not Serializable" : ", which holds a " + culprit + ", which is not Serializable";
        return new IllegalArgumentException("The value for session key '" + key + "' is a " + what + why
                + "; session values must survive a restart and a fail-over. Make " + culprit
                + " implement java.io.Serializable, or set voltage.session.require-serializable=false.", cause);
    }

    /** The walk met something only serialisation can judge. */
    private static final class NeedsSerialization extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedsSerialization() {
            super(null, null, false, false);
        }
    }
}
