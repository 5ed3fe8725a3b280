package dev.voltage.session;

import dev.voltage.session.spi.SliceStore;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A base class for a bean that owns one typed, namespaced slice of the session's state.
 *
 * <pre>
 * public record CheckoutState(Step step, String addressId) {}
 *
 * &#64;ApplicationScoped
 * public class CheckoutSession extends ScopedSession&lt;CheckoutState&gt; {
 *     public CheckoutSession() { super("checkout", new CheckoutState(Step.SHIPPING, null)); }
 *     public Step step() { return data().step(); }
 *     public void advance(Step step) { update(s -&gt; new CheckoutState(step, s.addressId())); }
 * }
 * </pre>
 *
 * <p>The state lives in the current request's {@code HttpSession}, not in the bean, so the
 * subclass may have any CDI scope ({@code @ApplicationScoped}, {@code @RequestScoped},
 * {@code @SessionScoped}, {@code @Dependent}) and behaves the same. It is stored as the plain
 * JSON (JSON-B) of {@code T} in the attribute {@value #ATTRIBUTE_PREFIX}{@code <name>}: it needs
 * no {@code Serializable}, replicates cheaply as an immutable {@code String}, and survives a
 * redeploy. It is decoded at most once per request.
 *
 * <p>{@code T} is read from the subclass's type argument; records, JSON-B classes and nested
 * generics ({@code List<CartItem>}) work. Treat the state as immutable: change it with
 * {@link #data(Object)} or {@link #update(UnaryOperator)}, which write it back to the session.
 *
 * <p>State written by an older shape of {@code T} is read tolerantly (unknown properties are
 * ignored, missing ones are {@code null}); state that cannot be decoded at all is logged as a
 * warning and reads as the defaults, and the request goes on.
 *
 * <p>Reading never creates a session. {@link Session#delete()} removes every slice;
 * {@link Session#regenerate()} keeps them. A name must be unique in the application and match
 * {@code [A-Za-z0-9._-]+}; the deployment fails otherwise.
 *
 * @param <T> the type of the state
 */
public abstract class ScopedSession<T> implements Serializable {

    /** The prefix of the session attribute that holds a scope's JSON; the scope's name follows it. */
    public static final String ATTRIBUTE_PREFIX = Session.RESERVED_PREFIX + "scope.";

    private static final long serialVersionUID = 1L;
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final String name;
    private transient Supplier<? extends T> defaults;

    @Inject
    SliceStore slices;

    /**
     * Creates a scope whose state starts as {@code defaults}.
     *
     * @param name the scope's name, unique in the application, matching {@code [A-Za-z0-9._-]+}
     * @param defaults the state before the first write; shared, so it should be immutable
     * @throws IllegalArgumentException if the name is invalid
     */
    protected ScopedSession(String name, T defaults) {
        this(name, () -> defaults);
    }

    /**
     * Creates a scope whose state starts as what {@code defaults} supplies, for defaults that are
     * mutable or built anew each time.
     *
     * @param name the scope's name, unique in the application, matching {@code [A-Za-z0-9._-]+}
     * @param defaults supplies the state before the first write
     * @throws IllegalArgumentException if the name is invalid
     */
    protected ScopedSession(String name, Supplier<? extends T> defaults) {
        this.name = requireValidName(name, getClass());
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    /**
     * Returns the state: what was last written in this session, or the defaults when the scope
     * has not been written. Reading never creates a session.
     *
     * @return the state
     */
    public T data() {
        return slices.read(name, getClass(), defaults());
    }

    /**
     * Replaces the state and writes it to the session, creating the session when there is none.
     *
     * @param next the new state; use {@link #reset()} to go back to the defaults
     * @throws IllegalArgumentException if {@code next} is {@code null} or cannot be written as JSON
     */
    protected void data(T next) {
        if (next == null) {
            throw new IllegalArgumentException("The state of scope '" + name + "' cannot be set to null; "
                    + "call reset() to go back to the defaults.");
        }
        slices.write(name, getClass(), next);
    }

    /**
     * Reads, changes and writes back the state in one step that no other request of the same
     * session interleaves with on this server.
     *
     * @param updater gets the current state (the defaults when none was written) and returns the
     *                new one; {@code null} goes back to the defaults
     * @return the new state
     * @throws IllegalArgumentException if the new state cannot be written as JSON
     */
    protected T update(UnaryOperator<T> updater) {
        return slices.update(name, getClass(), defaults(), Objects.requireNonNull(updater, "updater"));
    }

    /**
     * Goes back to the defaults: the stored slice is removed. Does nothing without a session.
     */
    public void reset() {
        slices.remove(name);
    }

    /**
     * Returns the scope's name.
     *
     * @return the name given to the constructor
     */
    public String name() {
        return name;
    }

    /**
     * Returns the class and the scope name, for logs and debuggers.
     *
     * @return a description of the scope
     */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }

    private Supplier<? extends T> defaults() {
        if (defaults == null) {
            // Deserialisation (of a @SessionScoped subclass) runs no constructor: ask a fresh instance.
            defaults = freshInstance().defaults;
        }
        return defaults;
    }

    @SuppressWarnings("unchecked")
    private ScopedSession<T> freshInstance() {
        try {
            Constructor<?> constructor = getClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            return (ScopedSession<T>) constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    getClass().getName() + " was deserialised and needs a no-argument "
                            + "constructor to recreate the defaults of scope '" + name + "'; add one.",
                    e);
        }
    }

    private static String requireValidName(String name, Class<?> subclass) {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The scope name " + (name == null ? "null" : "'" + name + "'")
                    + " of " + subclass.getName() + " is invalid: a scope name is non-empty and made of letters, "
                    + "digits, '.', '_' and '-' ([A-Za-z0-9._-]+), such as \"checkout\".");
        }
        return name;
    }
}
