package dev.voltage.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The HTTP session of the current request, injectable anywhere a request is being served:
 * JAX-RS resources, servlets, filters and any CDI bean they call.
 *
 * <pre>
 * &#64;Path("cart")
 * public class CartResource {
 *     &#64;Inject Session session;
 *
 *     &#64;POST
 *     public List&lt;String&gt; add(String item) {
 *         return session.update("cart", new ArrayList&lt;&gt;(), cart -&gt; { cart.add(item); return cart; });
 *     }
 *
 *     &#64;GET
 *     public List&lt;String&gt; items() {
 *         return session.get("cart", List.of());
 *     }
 * }
 * </pre>
 *
 * <p>The bean is {@code @RequestScoped} and backed by the container's {@code HttpSession}: a key
 * is an {@code HttpSession} attribute name, so other code sees the same attributes, and the
 * container's session manager (memory, or a replicated store on a cluster) holds the data.
 *
 * <p>Rules that hold for every method:
 * <ul>
 *   <li>Reading never creates a session: a request that only reads gets no session and no
 *       cookie. The first write creates one.</li>
 *   <li>A key must not be {@code null} or blank, and must not start with the reserved prefix
 *       {@value #RESERVED_PREFIX}; such a key throws {@link IllegalArgumentException}.</li>
 *   <li>Values must be {@link java.io.Serializable} (they must survive a restart and a
 *       fail-over); any other value is refused at {@link #set} and {@link #update} with an
 *       {@link IllegalArgumentException} naming the key and the class.</li>
 *   <li>After {@link #delete()} in a request, reads see an empty session and the next write
 *       starts a new one.</li>
 *   <li>Used on a thread that serves no HTTP request, every method throws
 *       {@link jakarta.enterprise.context.ContextNotActiveException}.</li>
 * </ul>
 */
public interface Session {

    /** The prefix of the attribute names the library keeps for itself; user keys may not start with it. */
    String RESERVED_PREFIX = "dev.voltage.session.";

    /** The longest user {@link #login(String)} accepts, in characters. */
    int MAX_USER_LENGTH = 256;

    /**
     * Returns the value stored under a key.
     *
     * @param key the attribute name
     * @param <T> the type the caller expects; a value of another type fails with
     *            {@link ClassCastException} where the caller uses it, so prefer
     *            {@link #find(String, Class)} when unsure
     * @return the value, or {@code null} when there is none (or no session)
     * @throws IllegalArgumentException if the key is {@code null}, blank or reserved
     */
    <T> T get(String key);

    /**
     * Returns the value stored under a key, or a fallback when there is none.
     *
     * @param key the attribute name
     * @param fallback what to return when the key has no value; it is not stored
     * @param <T> the type of the value
     * @return the value, or {@code fallback}
     * @throws IllegalArgumentException if the key is {@code null}, blank or reserved
     */
    <T> T get(String key, T fallback);

    /**
     * Returns the value stored under a key, checked against the type the caller expects.
     *
     * @param key the attribute name
     * @param type the expected type of the value
     * @param <T> the expected type
     * @return the value, or an empty {@code Optional} when there is none
     * @throws ClassCastException if the stored value is not a {@code type}; the message names
     *                            the key, the stored type and the asked type
     * @throws IllegalArgumentException if the key is {@code null}, blank or reserved
     */
    <T> Optional<T> find(String key, Class<T> type);

    /**
     * Tells whether a key has a value.
     *
     * @param key the attribute name
     * @return {@code true} when the session exists and holds a value under {@code key}
     * @throws IllegalArgumentException if the key is {@code null}, blank or reserved
     */
    boolean has(String key);

    /**
     * Returns the keys that have a value, without the library's own attributes.
     *
     * @return an unmodifiable snapshot of the keys; empty when there is no session
     */
    Set<String> keys();

    /**
     * Stores a value under a key, creating the session when there is none.
     *
     * @param key the attribute name
     * @param value the value; {@code null} removes the key
     * @throws IllegalArgumentException if the key is {@code null}, blank or reserved, or the
     *                                  value is not serializable
     */
    void set(String key, Object value);

    /**
     * Reads, changes and writes back a value in one step that no other request of the same
     * session interleaves with on this server.
     *
     * <pre>
     * List&lt;String&gt; cart = session.update("cart", cart -&gt; cart == null ? List.of(item) : append(cart, item));
     * </pre>
     *
     * @param key the attribute name
     * @param updater gets the current value, or {@code null} when there is none, and returns the
     *                new value ({@code null} removes the key)
     * @param <T> the type of the value
     * @return the new value
     * @throws IllegalArgumentException if the key is {@code null}, blank or reserved, or the new
     *                                  value is not serializable
     */
    <T> T update(String key, UnaryOperator<T> updater);

    /**
     * Reads, changes and writes back a value in one step, starting from {@code initial} when the
     * key has no value. It is the seed library's {@code update(key, (current = []) => ...)}.
     *
     * <pre>
     * session.update("cart", List.of(), cart -&gt; append(cart, item));
     * </pre>
     *
     * @param key the attribute name
     * @param initial what the updater gets when the key has no value
     * @param updater gets the current value, or {@code initial}, and returns the new value
     *                ({@code null} removes the key)
     * @param <T> the type of the value
     * @return the new value
     * @throws IllegalArgumentException if the key is {@code null}, blank or reserved, or the new
     *                                  value is not serializable
     */
    <T> T update(String key, T initial, UnaryOperator<T> updater);

    /**
     * Removes a key; does nothing when it has no value or there is no session.
     *
     * @param key the attribute name
     * @throws IllegalArgumentException if the key is {@code null}, blank or reserved
     */
    void remove(String key);

    /**
     * Writes every value this request read or wrote back to the container with
     * {@code setAttribute}, so that a replicating container stores objects that were changed in
     * place (a list read with {@link #get(String)} and then modified, for example).
     */
    void save();

    /**
     * Ends the session (log out): the container invalidates it and the response clears the
     * cookie. Later reads in this request see an empty session; a later write starts a new one.
     * Does nothing when there is no session.
     */
    void delete();

    /**
     * Gives the session a new id and keeps its data. Call it after a login, against session
     * fixation. Does nothing when there is no session.
     */
    void regenerate();

    /**
     * Logs the session in as a user, in one call: the session gets a new id (as
     * {@link #regenerate()} does, against session fixation; a new session when there is none),
     * then it is bound to the user and listed under that user in {@link UserSessions}. A session
     * bound to another user is re-bound. The session's data and its creation time (from which the
     * absolute timeout counts) are kept.
     *
     * <pre>
     * &#64;POST &#64;Path("login")
     * public void login(&#64;FormParam("name") String name, &#64;FormParam("password") String password) {
     *     Account account = accounts.check(name, password);
     *     session.login(account.id());
     * }
     * </pre>
     *
     * @param user the user's stable identifier (not a display name): non-blank, at most
     *             {@value #MAX_USER_LENGTH} characters
     * @throws IllegalArgumentException if the user is {@code null}, blank or longer than
     *                                  {@value #MAX_USER_LENGTH} characters
     */
    void login(String user);

    /**
     * Returns the user the session was bound to by {@link #login(String)}. {@link #delete()} ends
     * the binding with the session.
     *
     * @return the user, or an empty {@code Optional} without a session or without a binding
     */
    Optional<String> user();

    /**
     * Forgets what this request has read: {@link ScopedSession} slices are decoded again from the
     * container on next use, and {@link #save()} writes only the values used after this call.
     * Plain values are always read from the container, so they need no reload.
     */
    void reload();

    /**
     * Restarts the session's expiry: the inactivity timeout goes back to the configured value
     * (the container's default unless configured). Does nothing when there is no session.
     */
    void resetMaxAge();

    /**
     * Marks the session as active now without changing its data, so the container counts its
     * inactivity from this request. Does nothing when there is no session.
     */
    void touch();

    /**
     * Tells whether the request has a session.
     *
     * @return {@code true} when a session exists (and was not deleted in this request)
     */
    boolean exists();

    /**
     * Tells whether the session was created by this request, or the client has not yet sent
     * its cookie back.
     *
     * @return {@code true} for a session the client does not know yet; {@code false} also when
     *         there is no session
     */
    boolean isNew();

    /**
     * Returns the session's raw id. Do not write it to logs: it is a bearer credential.
     *
     * @return the id, or an empty {@code Optional} when there is no session
     */
    Optional<String> id();

    /**
     * Returns the id to write to logs for this session: a fingerprint of the id (HMAC-SHA-256 with
     * {@code voltage.session.secret}, 16 hex characters) that is stable across servers sharing the
     * secret and tells nothing of the id itself; the raw id when {@code voltage.session.log.id=raw}.
     * It is what the MDC carries under {@code sessionId}.
     *
     * @return the log id, or an empty {@code Optional} when there is no session
     */
    Optional<String> logId();

    /**
     * Returns when the session was created.
     *
     * @return the creation time
     * @throws IllegalStateException if there is no session
     */
    Instant createdAt();

    /**
     * Returns when the client last sent a request of this session, as the container reports it.
     *
     * @return the last access time
     * @throws IllegalStateException if there is no session
     */
    Instant lastAccessedAt();

    /**
     * Returns how long the session may stay unused before the container expires it.
     *
     * @return the inactivity timeout; zero or negative means it never expires
     * @throws IllegalStateException if there is no session
     */
    Duration maxInactiveInterval();

    /**
     * Returns when the session will end if the client sends no other request from now on: the
     * earlier of its inactivity deadline (now plus {@link #maxInactiveInterval()}) and its absolute
     * deadline ({@link #createdAt()} plus {@code voltage.session.absolute-timeout}, when set).
     *
     * @return the deadline as of now, or an empty {@code Optional} without a session, or for a
     *         session that never expires
     */
    Optional<Instant> expiresAt();
}
