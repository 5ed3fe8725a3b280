package dev.voltage.session.internal.request;

import dev.voltage.session.Session;
import dev.voltage.session.internal.cookie.SessionCookies;
import dev.voltage.session.internal.lifetime.SessionLifetime;
import dev.voltage.session.internal.slice.RequestSlices;
import dev.voltage.session.internal.users.UserBindings;
import dev.voltage.session.internal.users.UserNames;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The {@link Session} of one HTTP request, over the container's {@code HttpSession}.
 *
 * <p>Values are read from the container on every call, so code that uses {@code HttpSession}
 * directly and this bean always agree. An {@code HttpSession} invalidated by any code reads as no
 * session: its {@code IllegalStateException} never reaches the caller.
 */
@RequestScoped
public class RequestSession implements Session {

    private final SessionAccess access;
    private final ExclusiveSession exclusive;
    private final SessionServices services;

    /** Keys this request read or wrote, for {@link #save()}. */
    private final UsedKeys usedKeys = new UsedKeys();

    /** For CDI's client proxy only. */
    protected RequestSession() {
        this(null);
    }

    /**
     * Creates the session of the request the thread is serving.
     *
     * @param services the application-wide collaborators, or {@code null} for the client proxy
     */
    @Inject
    public RequestSession(SessionServices services) {
        this.access = new SessionAccess();
        this.exclusive = new ExclusiveSession(access, services == null ? null : services.locks());
        this.services = services;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        SessionKeys.requireUserKey(key);
        usedKeys.add(key);
        return (T) ifExists(session -> session.getAttribute(key), null);
    }

    @Override
    public <T> T get(String key, T fallback) {
        T value = get(key);
        return value == null ? fallback : value;
    }

    @Override
    public <T> Optional<T> find(String key, Class<T> type) {
        Objects.requireNonNull(type, "type");
        Object value = get(key);
        if (value != null && !type.isInstance(value)) {
            throw new ClassCastException("The session value for key '" + key + "' is a "
                    + value.getClass().getName() + ", not the asked " + type.getName() + ".");
        }
        return Optional.ofNullable(type.cast(value));
    }

    @Override
    public boolean has(String key) {
        SessionKeys.requireUserKey(key);
        return ifExists(session -> session.getAttribute(key) != null, false);
    }

    @Override
    public Set<String> keys() {
        return ifExists(
                session -> Collections.list(session.getAttributeNames()).stream()
                        .filter(name -> !SessionKeys.isReserved(name))
                        .collect(Collectors.toUnmodifiableSet()),
                Set.of());
    }

    @Override
    public void set(String key, Object value) {
        SessionKeys.requireUserKey(key);
        if (value == null) {
            remove(key);
            return;
        }
        requireStorable(key, value);
        usedKeys.add(key);
        write(session -> session.setAttribute(key, value));
    }

    @Override
    public <T> T update(String key, UnaryOperator<T> updater) {
        return update(key, null, updater);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T update(String key, T initial, UnaryOperator<T> updater) {
        SessionKeys.requireUserKey(key);
        Objects.requireNonNull(updater, "updater");
        usedKeys.add(key);
        T next = exclusive.update(
                "Session.update()",
                session -> (T) session.getAttribute(key),
                null,
                current -> {
                    T changed = updater.apply(current == null ? initial : current);
                    if (changed != null) {
                        requireStorable(key, changed);
                    }
                    return changed;
                },
                (session, value) -> {
                    if (value == null) {
                        session.removeAttribute(key);
                    } else {
                        session.setAttribute(key, value);
                    }
                });
        if (next == null) {
            usedKeys.remove(key);
        }
        return next;
    }

    private void requireStorable(String key, Object value) {
        if (services.settings().configuration().requireSerializable()) {
            SerializableValues.requireSerializable(key, value);
        }
    }

    @Override
    public void remove(String key) {
        SessionKeys.requireUserKey(key);
        usedKeys.remove(key);
        ifExists(
                session -> {
                    session.removeAttribute(key);
                    return null;
                },
                null);
    }

    @Override
    public void save() {
        ifExists(
                session -> {
                    usedKeys.forEach(key -> {
                        Object value = session.getAttribute(key);
                        if (value != null) {
                            session.setAttribute(key, value);
                        }
                    });
                    return null;
                },
                null);
    }

    @Override
    public void delete() {
        usedKeys.clear();
        RequestSlices.forget();
        boolean deleted = exclusive.apply(
                "Session.delete()",
                session -> {
                    exclusive.end(session);
                    return true;
                },
                () -> false);
        if (deleted) {
            access.response().ifPresent(response -> SessionCookies.clear(request(), response));
        }
    }

    @Override
    public void regenerate() {
        exclusive.apply("Session.regenerate()", exclusive::changeId, () -> null);
    }

    @Override
    public void login(String user) {
        UserNames.requireLogin(user);
        UserBindings binder = services.bindings();
        boolean bound = exclusive.apply(
                "Session.login()",
                session -> {
                    exclusive.changeId(session);
                    binder.bind(session, user);
                    return true;
                },
                () -> false);
        if (!bound) { // no live session: a new one, known to this request only, gets a fresh id anyway
            write(session -> binder.bind(session, user));
        }
    }

    @Override
    public Optional<String> user() {
        return ifExists(UserBindings::userOf, Optional.empty());
    }

    @Override
    public void reload() {
        usedKeys.clear();
        RequestSlices.forget();
    }

    @Override
    public void resetMaxAge() {
        int seconds = (int) services.settings()
                .timeoutOr(request().getServletContext().getSessionTimeout())
                .toSeconds();
        boolean reset = ifExists(
                session -> {
                    session.setMaxInactiveInterval(seconds);
                    return true;
                },
                false);
        if (reset && services.settings().configuration().cookieMaxAge() > 0) {
            access.response().ifPresent(response -> SessionCookies.resend(request(), response));
        }
    }

    @Override
    public void touch() {
        // Fetching the session is what makes the container count this request as an access.
        ifExists(HttpSession::getLastAccessedTime, null);
    }

    @Override
    public boolean exists() {
        return ifExists(session -> true, false);
    }

    @Override
    public boolean isNew() {
        return ifExists(HttpSession::isNew, false);
    }

    @Override
    public Optional<String> id() {
        return Optional.ofNullable(ifExists(HttpSession::getId, null));
    }

    @Override
    public Optional<String> logId() {
        return id().map(services.logIds()::of);
    }

    @Override
    public Instant createdAt() {
        return Instant.ofEpochMilli(fact("createdAt()", HttpSession::getCreationTime));
    }

    @Override
    public Instant lastAccessedAt() {
        return Instant.ofEpochMilli(fact("lastAccessedAt()", HttpSession::getLastAccessedTime));
    }

    @Override
    public Duration maxInactiveInterval() {
        return Duration.ofSeconds(fact("maxInactiveInterval()", session -> (long) session.getMaxInactiveInterval()));
    }

    @Override
    public Optional<Instant> expiresAt() {
        SessionLifetime deadlines = services.lifetime();
        return ifExists(deadlines::expiresAt, Optional.empty());
    }

    private HttpServletRequest request() {
        return access.get();
    }

    private void write(Consumer<HttpSession> operation) {
        access.writeSession(operation);
    }

    private <R> R ifExists(Function<HttpSession, R> operation, R none) {
        return access.ifSessionExists(operation, none);
    }

    /** A time fact of the session; one that ends meanwhile has none, as when there is no session. */
    private long fact(String fact, Function<HttpSession, Long> read) {
        Long value = ifExists(read, null);
        if (value == null) {
            throw new IllegalStateException(
                    "There is no session, so it has no " + fact + "; check Session.exists() first.");
        }
        return value;
    }
}
