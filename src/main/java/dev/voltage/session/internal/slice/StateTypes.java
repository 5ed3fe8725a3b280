package dev.voltage.session.internal.slice;

import dev.voltage.session.ScopedSession;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads a {@link ScopedSession} subclass's state type from its type argument, through CDI proxy
 * subclasses and intermediate generic base classes ({@code class CartSession extends
 * ListSession<CartItem>}, {@code class ListSession<E> extends ScopedSession<List<E>>}), once per
 * class.
 */
public final class StateTypes {

    private static final ClassValue<Type> RESOLVED = new ClassValue<>() {
        @Override
        protected Type computeValue(Class<?> subclass) {
            return resolve(subclass);
        }
    };

    private StateTypes() {}

    /**
     * Returns the type a scope's state is decoded as.
     *
     * @param subclass a {@code ScopedSession} subclass, or a CDI proxy of one
     * @return the state type, such as {@code CheckoutState} or {@code List<CartItem>}
     * @throws IllegalArgumentException if the class gives no concrete type argument
     */
    public static Type of(Class<?> subclass) {
        return RESOLVED.get(subclass);
    }

    private static Type resolve(Class<?> subclass) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        Class<?> current = subclass;
        while (current.getSuperclass() != null && current.getSuperclass() != ScopedSession.class) {
            bind(current.getGenericSuperclass(), bindings);
            current = current.getSuperclass();
        }
        if (current.getSuperclass() == null) {
            throw new IllegalArgumentException(subclass.getName() + " does not extend ScopedSession.");
        }
        if (!(current.getGenericSuperclass() instanceof ParameterizedType scoped)) {
            throw new IllegalArgumentException(current.getName() + " extends ScopedSession without a type argument; "
                    + "declare the state type, e.g. 'extends ScopedSession<CheckoutState>'.");
        }
        Type state = resolve(scoped.getActualTypeArguments()[0], bindings);
        if (containsVariable(state)) {
            throw new IllegalArgumentException("The state type of " + subclass.getName() + " is " + state.getTypeName()
                    + ", which still has a type variable; give every type argument a concrete type in the class "
                    + "you deploy.");
        }
        return state;
    }

    private static void bind(Type genericSuperclass, Map<TypeVariable<?>, Type> bindings) {
        if (genericSuperclass instanceof ParameterizedType parameterized) {
            TypeVariable<?>[] variables = ((Class<?>) parameterized.getRawType()).getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                bindings.put(variables[i], resolve(arguments[i], bindings));
            }
        }
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable) {
            return bindings.getOrDefault(variable, variable);
        }
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = Arrays.stream(parameterized.getActualTypeArguments())
                    .map(argument -> resolve(argument, bindings))
                    .toArray(Type[]::new);
            return new Parameterized(parameterized.getRawType(), parameterized.getOwnerType(), arguments);
        }
        return type;
    }

    private static boolean containsVariable(Type type) {
        return type instanceof TypeVariable<?>
                || type instanceof ParameterizedType parameterized
                        && Arrays.stream(parameterized.getActualTypeArguments()).anyMatch(StateTypes::containsVariable);
    }

    /** A parameterized type whose variables were replaced by the subclass's arguments. */
    private record Parameterized(Type getRawType, Type getOwnerType, Type[] getActualTypeArguments)
            implements ParameterizedType {

        @Override
        public boolean equals(Object other) {
            return other instanceof ParameterizedType that
                    && getRawType.equals(that.getRawType())
                    && Objects.equals(getOwnerType, that.getOwnerType())
                    && Arrays.equals(getActualTypeArguments, that.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(getActualTypeArguments) ^ Objects.hashCode(getOwnerType) ^ getRawType.hashCode();
        }

        @Override
        public String getTypeName() {
            return getRawType.getTypeName()
                    + Arrays.stream(getActualTypeArguments)
                            .map(Type::getTypeName)
                            .collect(Collectors.joining(", ", "<", ">"));
        }

        @Override
        public String toString() {
            return getTypeName();
        }
    }
}
