package dev.voltage.session.internal.request;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses session values that could not survive a restart or a fail-over, at the moment they are
 * stored rather than later, when the container tries to write them and the data is lost.
 *
 * <p>The verdict is exactly {@link ObjectOutputStream}'s. What a cart is usually made of (JDK
 * values, the JDK collections and maps whose serial form is their elements, arrays and records) is
 * checked by walking it, which costs far less than serialising it; anything else, and any value
 * too large or too deep for the walk, is serialised to nowhere, which is the definition itself.
 * The walk visits each object once (shared references and cycles included), so checking never
 * costs much more than serialising would.
 */
final class SerializableValues {

    /** Deeper than this, the walk gives way to serialisation. */
    private static final int MAX_DEPTH = 256;

    /** Objects walked before the walk starts remembering them, so that small values need no identity set. */
    private static final int UNTRACKED_VISITS = 128;

    /** Objects walked after which the walk gives way to serialisation. */
    private static final int VISIT_BUDGET = 100_000;

    private SerializableValues() {}

    /**
     * Checks that a value, and everything it refers to, can be serialised.
     *
     * @throws IllegalArgumentException naming the key, the value's class and the class that cannot be serialised
     */
    static void requireSerializable(String key, Object value) {
        if (value == null || KINDS.get(value.getClass()) == Kind.PLAIN) {
            return;
        }
        Class<?> culprit;
        try {
            culprit = new Walk().firstNotSerializable(value, 0);
        } catch (NeedsSerialization e) {
            culprit = bySerialization(key, value);
        }
        if (culprit != null) {
            throw notSerializable(key, value, culprit.getName(), null);
        }
    }

    /** One walk over a value: counts what it visits and, past the first few objects, remembers them. */
    private static final class Walk {

        private int visits;
        private Set<Object> seen;

        /** The class of the first part of {@code value} that is not serializable, or {@code null}. */
        Class<?> firstNotSerializable(Object value, int depth) {
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
            if (kind == Kind.OTHER || depth > MAX_DEPTH || ++visits > VISIT_BUDGET) {
                throw new NeedsSerialization();
            }
            if (!firstVisit(value)) {
                return null;
            }
            return switch (kind) {
                case COLLECTION -> inElements((Collection<?>) value, depth);
                case SORTED_COLLECTION -> inSorted(comparatorOf(value), (Collection<?>) value, depth);
                case MAP -> inEntries((Map<?, ?>) value, depth);
                case SORTED_MAP -> inSortedMap((java.util.SortedMap<?, ?>) value, depth);
                case ARRAY -> inArray((Object[]) value, depth);
                case RECORD -> inRecord(value, depth);
                default -> throw new NeedsSerialization();
            };
        }

        /**
         * Whether the walk meets this object for the first time. The first objects are not
         * remembered (a small cart needs no set); past them, each object is walked once, so
         * shared references and cycles cost one visit.
         */
        private boolean firstVisit(Object value) {
            if (seen == null) {
                if (visits <= UNTRACKED_VISITS) {
                    return true;
                }
                seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            }
            return seen.add(value);
        }

        private Class<?> inElements(Collection<?> collection, int depth) {
            for (Object element : collection) {
                Class<?> culprit = firstNotSerializable(element, depth + 1);
                if (culprit != null) {
                    return culprit;
                }
            }
            return null;
        }

        private Class<?> inSorted(Object comparator, Collection<?> collection, int depth) {
            Class<?> culprit = firstNotSerializable(comparator, depth + 1);
            return culprit != null ? culprit : inElements(collection, depth);
        }

        private Class<?> inEntries(Map<?, ?> map, int depth) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
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

        private Class<?> inSortedMap(java.util.SortedMap<?, ?> map, int depth) {
            Class<?> culprit = firstNotSerializable(map.comparator(), depth + 1);
            return culprit != null ? culprit : inEntries(map, depth);
        }

        private Class<?> inArray(Object[] array, int depth) {
            for (Object element : array) {
                Class<?> culprit = firstNotSerializable(element, depth + 1);
                if (culprit != null) {
                    return culprit;
                }
            }
            return null;
        }

        private Class<?> inRecord(Object record, int depth) {
            for (Field field : RECORD_FIELDS.get(record.getClass())) {
                Class<?> culprit = firstNotSerializable(read(field, record), depth + 1);
                if (culprit != null) {
                    return culprit;
                }
            }
            return null;
        }
    }

    private static Object comparatorOf(Object sorted) {
        if (sorted instanceof java.util.SortedSet<?> set) {
            return set.comparator();
        }
        if (sorted instanceof java.util.PriorityQueue<?> queue) {
            return queue.comparator();
        }
        return ((java.util.concurrent.PriorityBlockingQueue<?>) sorted).comparator();
    }

    /** How the walk treats the values of one class. */
    private enum Kind {
        /** Always serializable: strings, JDK numbers, booleans, characters, enums, {@code java.time} values, records of them. */
        PLAIN,
        /** Does not implement {@code Serializable}: {@code ObjectOutputStream} refuses it. */
        NOT_SERIALIZABLE,
        /** A JDK collection whose serial form is its elements: they are walked. */
        COLLECTION,
        /** A JDK sorted collection or priority queue: its comparator and its elements are walked. */
        SORTED_COLLECTION,
        /** A JDK map whose serial form is its keys and values: they are walked. */
        MAP,
        /** A JDK sorted map: its comparator, keys and values are walked. */
        SORTED_MAP,
        /** An array of primitives. */
        PRIMITIVE_ARRAY,
        /** An array of objects: its elements are walked. */
        ARRAY,
        /** A record serialised as its fields: the fields that are not of a plain type are walked. */
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

    /**
     * The JDK classes the walk can judge by their contents, by name (several are private) and
     * only as loaded by the JDK: a subclass or a wrapper of them (which may hold more than its
     * elements, such as {@code Collections.unmodifiableList} around a class of the application)
     * is serialised instead.
     */
    private static final Map<String, Kind> JDK_CONTAINERS = Map.ofEntries(
            Map.entry("java.util.ArrayList", Kind.COLLECTION),
            Map.entry("java.util.LinkedList", Kind.COLLECTION),
            Map.entry("java.util.HashSet", Kind.COLLECTION),
            Map.entry("java.util.LinkedHashSet", Kind.COLLECTION),
            Map.entry("java.util.ArrayDeque", Kind.COLLECTION),
            Map.entry("java.util.Vector", Kind.COLLECTION),
            Map.entry("java.util.Arrays$ArrayList", Kind.COLLECTION),
            Map.entry("java.util.ImmutableCollections$ListN", Kind.COLLECTION),
            Map.entry("java.util.ImmutableCollections$List12", Kind.COLLECTION),
            Map.entry("java.util.ImmutableCollections$SetN", Kind.COLLECTION),
            Map.entry("java.util.ImmutableCollections$Set12", Kind.COLLECTION),
            Map.entry("java.util.Collections$EmptyList", Kind.COLLECTION),
            Map.entry("java.util.Collections$EmptySet", Kind.COLLECTION),
            Map.entry("java.util.Collections$SingletonList", Kind.COLLECTION),
            Map.entry("java.util.Collections$SingletonSet", Kind.COLLECTION),
            Map.entry("java.util.RegularEnumSet", Kind.COLLECTION),
            Map.entry("java.util.JumboEnumSet", Kind.COLLECTION),
            Map.entry("java.util.concurrent.CopyOnWriteArrayList", Kind.COLLECTION),
            Map.entry("java.util.concurrent.CopyOnWriteArraySet", Kind.COLLECTION),
            Map.entry("java.util.concurrent.ConcurrentLinkedQueue", Kind.COLLECTION),
            Map.entry("java.util.concurrent.ConcurrentLinkedDeque", Kind.COLLECTION),
            Map.entry("java.util.TreeSet", Kind.SORTED_COLLECTION),
            Map.entry("java.util.PriorityQueue", Kind.SORTED_COLLECTION),
            Map.entry("java.util.concurrent.ConcurrentSkipListSet", Kind.SORTED_COLLECTION),
            Map.entry("java.util.concurrent.PriorityBlockingQueue", Kind.SORTED_COLLECTION),
            Map.entry("java.util.HashMap", Kind.MAP),
            Map.entry("java.util.LinkedHashMap", Kind.MAP),
            Map.entry("java.util.Hashtable", Kind.MAP),
            Map.entry("java.util.IdentityHashMap", Kind.MAP),
            Map.entry("java.util.EnumMap", Kind.MAP),
            Map.entry("java.util.ImmutableCollections$MapN", Kind.MAP),
            Map.entry("java.util.ImmutableCollections$Map1", Kind.MAP),
            Map.entry("java.util.Collections$EmptyMap", Kind.MAP),
            Map.entry("java.util.Collections$SingletonMap", Kind.MAP),
            Map.entry("java.util.concurrent.ConcurrentHashMap", Kind.MAP),
            Map.entry("java.util.TreeMap", Kind.SORTED_MAP),
            Map.entry("java.util.concurrent.ConcurrentSkipListMap", Kind.SORTED_MAP));

    /** JDK value classes that hold nothing but their value. */
    private static final Set<String> JDK_VALUES = Set.of(
            "java.lang.String",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Short",
            "java.lang.Byte",
            "java.lang.Double",
            "java.lang.Float",
            "java.lang.Boolean",
            "java.lang.Character",
            "java.math.BigInteger",
            "java.math.BigDecimal",
            "java.util.UUID",
            "java.util.concurrent.atomic.AtomicInteger",
            "java.util.concurrent.atomic.AtomicLong",
            "java.util.concurrent.atomic.AtomicBoolean",
            "java.util.concurrent.atomic.LongAdder",
            "java.util.concurrent.atomic.DoubleAdder");

    private static Kind kindOf(Class<?> type) {
        if (!java.io.Serializable.class.isAssignableFrom(type)) {
            return Kind.NOT_SERIALIZABLE;
        }
        if (Enum.class.isAssignableFrom(type)) {
            return Kind.PLAIN; // written by name
        }
        if (type.isArray()) {
            return type.getComponentType().isPrimitive() ? Kind.PRIMITIVE_ARRAY : Kind.ARRAY;
        }
        if (type.getClassLoader() == null) {
            String name = type.getName();
            if (JDK_VALUES.contains(name) || isJavaTimeValue(type, name)) {
                return Kind.PLAIN;
            }
            return JDK_CONTAINERS.getOrDefault(name, Kind.OTHER);
        }
        if (!isPlainRecord(type)) {
            return Kind.OTHER;
        }
        return RECORD_FIELDS.get(type).length == 0 ? Kind.PLAIN : Kind.RECORD; // a record of plain fields is plain
    }

    /** The serializable dates, times, durations and zones of {@code java.time}, which are written as their value. */
    private static boolean isJavaTimeValue(Class<?> type, String name) {
        return name.startsWith("java.time.")
                && !name.startsWith("java.time.format.")
                && (java.time.temporal.TemporalAccessor.class.isAssignableFrom(type)
                        || java.time.temporal.TemporalAmount.class.isAssignableFrom(type));
    }

    /**
     * A record that {@code ObjectOutputStream} writes as its fields: not one that replaces itself
     * on the way out, and not one whose fields this library may not read.
     */
    private static boolean isPlainRecord(Class<?> type) {
        if (!type.isRecord() || java.io.Externalizable.class.isAssignableFrom(type)) {
            return false;
        }
        try {
            type.getDeclaredMethod("writeReplace");
            return false;
        } catch (NoSuchMethodException e) {
            return RECORD_FIELDS.get(type) != null;
        } catch (SecurityException | LinkageError e) {
            return false;
        }
    }

    /**
     * Per record class: the fields (what {@code ObjectOutputStream} writes, which need not be what
     * the accessors return) whose values need a look, none when all are plain; {@code null} when
     * they cannot be read.
     */
    private static final ClassValue<Field[]> RECORD_FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> recordClass) {
            List<Field> fields = new ArrayList<>();
            for (java.lang.reflect.RecordComponent component : recordClass.getRecordComponents()) {
                if (isPlainType(component.getType())) {
                    continue;
                }
                try {
                    Field field = recordClass.getDeclaredField(component.getName());
                    if (!field.trySetAccessible()) {
                        return null;
                    }
                    fields.add(field);
                } catch (NoSuchFieldException | SecurityException | LinkageError e) {
                    return null;
                }
            }
            return fields.toArray(Field[]::new);
        }
    };

    /**
     * Types whose every value is serializable: primitives, enums, and final JDK value classes (never
     * a class of the application, whose kind may be the one being decided).
     */
    private static boolean isPlainType(Class<?> type) {
        return type.isPrimitive()
                || type.isEnum()
                || type.getClassLoader() == null
                        && java.lang.reflect.Modifier.isFinal(type.getModifiers())
                        && KINDS.get(type) == Kind.PLAIN;
    }

    private static Object read(Field field, Object record) {
        try {
            return field.get(record);
        } catch (IllegalAccessException | RuntimeException e) {
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
            } catch (ClassNotFoundException | LinkageError | RuntimeException unknown) {
                throw notSerializable(key, value, e.getMessage(), e);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "The value for session key '" + key + "' ("
                            + value.getClass().getName() + ") failed to serialise: " + e
                            + ". Session values must survive a restart and a fail-over.",
                    e);
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException("The value for session key '" + key + "' ("
                    + value.getClass().getName()
                    + ") is nested too deeply to serialise. Session values must survive a restart and a fail-over.");
        }
    }

    private static IllegalArgumentException notSerializable(String key, Object value, String culprit, Exception cause) {
        String what = value.getClass().getName();
        String why = culprit.equals(what)
                ? ", which is not Serializable"
                : ", which holds a " + culprit + ", which is not Serializable";
        String fix = culprit.contains("$$Lambda")
                ? "Use a class that implements java.io.Serializable instead of the lambda " + culprit
                        + " (a comparator, a function)"
                : "Make " + culprit + " implement java.io.Serializable";
        return new IllegalArgumentException(
                "The value for session key '" + key + "' is a " + what + why
                        + "; session values must survive a restart and a fail-over. " + fix
                        + ", or set voltage.session.require-serializable=false.",
                cause);
    }

    /** The walk met something only serialisation can judge. */
    private static final class NeedsSerialization extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedsSerialization() {
            super(null, null, false, false);
        }
    }
}
