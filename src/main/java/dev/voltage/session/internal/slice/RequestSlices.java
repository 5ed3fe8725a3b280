package dev.voltage.session.internal.slice;

import dev.voltage.session.ScopedSession;
import dev.voltage.session.internal.request.ExclusiveSession;
import dev.voltage.session.internal.request.RequestThread;
import dev.voltage.session.internal.request.SessionAccess;
import dev.voltage.session.internal.request.SessionLocks;
import dev.voltage.session.spi.SliceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scope slices of the request being served: each is read from its session attribute and
 * decoded once, then served from memory until it changes, {@link #forget} is called or the
 * request ends.
 *
 * <p>What a request decoded is kept in an attribute of that request, where CDI's request context
 * would keep a request-scoped bean, so that requests do not pay for creating and destroying a
 * bean of their own; application-scoped so that a passivating {@code @SessionScoped} scope can
 * hold it.
 */
@ApplicationScoped
public class RequestSlices implements SliceStore {

    private static final Logger LOG = LoggerFactory.getLogger(RequestSlices.class);

    /** What this request knows of a slice: the JSON it saw (null when absent) and what it decoded to. */
    private record Slice(Object json, Object state) {}

    /** What a request decoded, by scope name. */
    private record Decoded(Map<String, Slice> byName) {}

    /** What an update reads where there is no live session. */
    private static final Object ENDED = new Object();

    /** The request attribute that holds what the request decoded, by scope name. */
    private static final String DECODED_ATTRIBUTE = "dev.voltage.session.slices";

    private final SessionLocks locks;
    private final SliceCodec codec;

    /** For CDI's client proxy only. */
    protected RequestSlices() {
        this(null, null);
    }

    /**
     * @param locks the per-session locks of this application
     * @param codec the JSON codec
     */
    @Inject
    public RequestSlices(SessionLocks locks, SliceCodec codec) {
        this.locks = locks;
        this.codec = codec;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T read(String name, Class<?> scope, Supplier<? extends T> defaults) {
        Type type = StateTypes.of(scope);
        SessionAccess access = new SessionAccess();
        Map<String, Slice> slices = decoded(access);
        Slice slice = slices.get(name);
        if (slice == null) {
            Object json = access.ifSessionExists(session -> session.getAttribute(attribute(name)), null);
            slice = new Slice(json, decode(name, type, json, defaults));
            slices.put(name, slice);
        }
        return (T) slice.state();
    }

    @Override
    public <T> void write(String name, Class<?> scope, T state) {
        write(name, StateTypes.of(scope), state);
    }

    private <T> void write(String name, Type type, T state) {
        String json = codec.encode(name, type, state);
        SessionAccess access = new SessionAccess();
        Map<String, Slice> slices = decoded(access);
        new ExclusiveSession(access, locks)
                .apply(
                        "ScopedSession.data(next)",
                        session -> {
                            session.setAttribute(attribute(name), json);
                            return null;
                        },
                        () -> {
                            forgetIfEnded(access, slices);
                            access.writeSession(fresh -> fresh.setAttribute(attribute(name), json));
                            return null;
                        });
        slices.put(name, new Slice(json, state));
    }

    @Override
    public <T> T update(String name, Class<?> scope, Supplier<? extends T> defaults, UnaryOperator<T> updater) {
        Type type = StateTypes.of(scope);
        SessionAccess access = new SessionAccess();
        Map<String, Slice> slices = decoded(access);
        Slice next = new ExclusiveSession(access, locks)
                .update(
                        "ScopedSession.update()",
                        session -> session.getAttribute(attribute(name)),
                        ENDED,
                        json -> {
                            T state = json == ENDED
                                    ? ended(access, slices, defaults)
                                    : current(slices.get(name), name, type, json, defaults);
                            T changed = updater.apply(state);
                            if (changed == null) {
                                return null;
                            }
                            String encoded = codec.encode(name, type, changed);
                            codec.remember(encoded, type, changed, json);
                            return new Slice(encoded, changed);
                        },
                        (session, slice) -> {
                            if (slice == null) {
                                session.removeAttribute(attribute(name));
                            } else {
                                session.setAttribute(attribute(name), slice.json());
                            }
                        });
        if (next == null) {
            slices.remove(name);
            return defaults.get();
        }
        slices.put(name, next);
        @SuppressWarnings("unchecked")
        T state = (T) next.state();
        return state;
    }

    @Override
    public void remove(String name) {
        SessionAccess access = new SessionAccess();
        decoded(access).remove(name);
        new ExclusiveSession(access, locks)
                .apply(
                        "ScopedSession.reset()",
                        session -> {
                            session.removeAttribute(attribute(name));
                            return null;
                        },
                        () -> null);
    }

    /**
     * Forgets every slice the request this thread serves decoded, after its session was deleted or
     * to read them again; nothing outside a request, and nothing in a task that borrows one (a task
     * keeps no slices).
     */
    public static void forget() {
        HttpServletRequest request = RequestThread.current();
        if (request != null && RequestThread.borrowed() == null) {
            request.removeAttribute(DECODED_ATTRIBUTE);
        }
    }

    /**
     * What the request decoded so far, by scope name. A task of a managed executor that borrows
     * the request runs beside the thread serving it: it keeps nothing, so that the two never share
     * a map or a state.
     */
    private static Map<String, Slice> decoded(SessionAccess access) {
        HttpServletRequest request = access.get();
        if (RequestThread.borrowed() != null) {
            return new HashMap<>();
        }
        // instanceof, not a cast: a cross-context dispatch may leave another application's copy here
        if (request.getAttribute(DECODED_ATTRIBUTE) instanceof Decoded known) {
            return known.byName();
        }
        Map<String, Slice> slices = new HashMap<>();
        request.setAttribute(DECODED_ATTRIBUTE, new Decoded(slices));
        return slices;
    }

    /** What an update sees without a live session: the defaults, and nothing this request decoded from an ended one. */
    private static <T> T ended(SessionAccess access, Map<String, Slice> slices, Supplier<? extends T> defaults) {
        forgetIfEnded(access, slices);
        return defaults.get();
    }

    /** Forgets the slices decoded from a session that ended since (another request's logout, say). */
    private static void forgetIfEnded(SessionAccess access, Map<String, Slice> slices) {
        if (!slices.isEmpty() && access.existingSession() == null) {
            slices.clear();
        }
    }

    /** The state for {@code json}, decoded again only when another request changed it since this one read it. */
    @SuppressWarnings("unchecked")
    private <T> T current(Slice known, String name, Type type, Object json, Supplier<? extends T> defaults) {
        if (known != null && Objects.equals(known.json(), json)) {
            return (T) known.state();
        }
        return decode(name, type, json, defaults);
    }

    /**
     * The state a slice attribute holds, or the defaults when it holds none, or nothing this
     * scope can read: then a warning naming the scope, the type and the kind of problem (never
     * what is stored, which may be personal data), at most once a minute per scope.
     */
    private <T> T decode(String name, Type type, Object json, Supplier<? extends T> defaults) {
        if (json == null) {
            return defaults.get();
        }
        if (!(json instanceof String text)) {
            if (codec.mayWarn(name)) {
                LOG.warn(
                        "The session attribute of scope '{}' holds a {}, not the JSON of {}; it reads as the defaults "
                                + "until the scope is written again.",
                        name,
                        json.getClass().getName(),
                        type.getTypeName());
            }
            return defaults.get();
        }
        try {
            return codec.decode(type, text);
        } catch (UnreadableSliceException e) {
            warnUnreadable(name, type, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            warnUnreadable(name, type, "decoding it failed with " + e.getClass().getName());
        }
        return defaults.get();
    }

    private void warnUnreadable(String name, Type type, String problem) {
        if (codec.mayWarn(name)) {
            LOG.warn(
                    "The state of session scope '{}' cannot be read as {} and falls back to the defaults "
                            + "until it is written again: {}.",
                    name,
                    type.getTypeName(),
                    problem);
        }
    }

    private static String attribute(String name) {
        return ScopedSession.ATTRIBUTE_PREFIX + name;
    }
}
