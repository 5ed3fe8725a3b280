package dev.voltage.session.internal.slice;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * How to hand out a decoded state that other requests may also be handed: the state itself when
 * its type is deeply immutable (strings, numbers, dates, enums, records of those), a copy of its
 * containers when only they can change ({@code List}, {@code Map}, arrays of such values), and
 * nothing when the type can change in place in other ways (a class with setters): such a state
 * is decoded for each request that reads it.
 */
final class StateCopies {

    /** Deeply immutable value types a state can hold. */
    private static final Set<Class<?>> IMMUTABLE = Set.of(
            String.class,
            Boolean.class,
            Character.class,
            Byte.class,
            Short.class,
            Integer.class,
            Long.class,
            Float.class,
            Double.class,
            BigDecimal.class,
            BigInteger.class,
            UUID.class,
            URI.class,
            Instant.class,
            Duration.class,
            Period.class,
            LocalDate.class,
            LocalTime.class,
            LocalDateTime.class,
            OffsetTime.class,
            OffsetDateTime.class,
            ZonedDateTime.class,
            ZoneId.class,
            ZoneOffset.class,
            Year.class,
            YearMonth.class,
            MonthDay.class);

    /** Deeper types than this are not copied: decoding them again is as good. */
    private static final int DEEPEST = 8;

    /** Hands out the state itself. */
    static final UnaryOperator<Object> SAME = state -> state;

    /** What {@link #of} found for each type; empty for a type that is never shared. */
    private final Map<Type, Optional<UnaryOperator<Object>>> byType = new ConcurrentHashMap<>();

    /**
     * Returns how to hand out a state of a type.
     *
     * @param type the state's type
     * @return the copy to make ({@link #SAME} for none), or empty when the state must not be shared
     */
    Optional<UnaryOperator<Object>> of(Type type) {
        return byType.computeIfAbsent(type, t -> Optional.ofNullable(decide(t, 0)));
    }

    private static UnaryOperator<Object> decide(Type type, int depth) {
        if (depth > DEEPEST) {
            return null;
        }
        Class<?> raw = rawClass(type);
        if (raw == null) {
            return type instanceof GenericArrayType array ? arrayCopy(array.getGenericComponentType(), depth) : null;
        }
        if (raw.isPrimitive() || raw.isEnum() || IMMUTABLE.contains(raw)) {
            return SAME;
        }
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                if (decide(component.getGenericType(), depth + 1) != SAME) {
                    return null; // a record's components are final: it is immutable when each of them is
                }
            }
            return SAME;
        }
        if (raw.isArray()) {
            return arrayCopy(raw.getComponentType(), depth);
        }
        if (raw == List.class || raw == Collection.class || raw == ArrayList.class) {
            UnaryOperator<Object> element = decide(argument(type, 0), depth + 1);
            return element == null ? null : state -> listCopy((Collection<?>) state, element);
        }
        if (raw == Map.class || raw == HashMap.class || raw == LinkedHashMap.class) {
            if (decide(argument(type, 0), depth + 1) != SAME) {
                return null;
            }
            UnaryOperator<Object> value = decide(argument(type, 1), depth + 1);
            return value == null ? null : state -> mapCopy((Map<?, ?>) state, value);
        }
        if (raw == Optional.class) {
            return decide(argument(type, 0), depth + 1) == SAME ? SAME : null;
        }
        return null;
    }

    private static UnaryOperator<Object> arrayCopy(Type componentType, int depth) {
        UnaryOperator<Object> element = decide(componentType, depth + 1);
        if (element == null) {
            return null;
        }
        return state -> {
            int length = java.lang.reflect.Array.getLength(state);
            Object copy = java.lang.reflect.Array.newInstance(state.getClass().getComponentType(), length);
            for (int i = 0; i < length; i++) {
                java.lang.reflect.Array.set(copy, i, element.apply(java.lang.reflect.Array.get(state, i)));
            }
            return copy;
        };
    }

    private static Object listCopy(Collection<?> list, UnaryOperator<Object> element) {
        if (element == SAME) {
            return new ArrayList<>(list);
        }
        List<Object> copy = new ArrayList<>(list.size());
        for (Object item : list) {
            copy.add(item == null ? null : element.apply(item));
        }
        return copy;
    }

    private static Object mapCopy(Map<?, ?> map, UnaryOperator<Object> value) {
        Map<Object, Object> copy = map instanceof LinkedHashMap ? new LinkedHashMap<>() : new HashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object item = entry.getValue();
            copy.put(entry.getKey(), item == null || value == SAME ? item : value.apply(item));
        }
        return copy;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    /** A type argument, or {@code Object} (never shared) for a raw type. */
    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType parameterized
                ? parameterized.getActualTypeArguments()[index]
                : Object.class;
    }
}
