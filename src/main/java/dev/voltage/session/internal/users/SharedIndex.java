package dev.voltage.session.internal.users;

import dev.voltage.session.UserSession;
import jakarta.servlet.http.HttpSession;
import java.util.List;

/**
 * The part of the index that servers share ({@code voltage.session.users.store=jdbc}); with the
 * {@code memory} store there is none ({@link #NONE}) and {@link LocalSessions} is the whole index.
 */
interface SharedIndex {

    /** No shared index: every method does nothing, the local sessions are all there is. */
    SharedIndex NONE = new SharedIndex() {};

    /**
     * Tells whether this is a shared index.
     *
     * @return {@code false} for {@link #NONE}
     */
    default boolean shared() {
        return false;
    }

    /**
     * Records that a session of this server is bound to a user.
     *
     * @param session the session
     * @param user the user
     */
    default void bound(HttpSession session, String user) {}

    /**
     * Follows a session's id change.
     *
     * @param oldId the id it had
     * @param newId the id it has
     */
    default void renamed(String oldId, String newId) {}

    /**
     * Records that a session ended.
     *
     * @param sessionId its id
     */
    default void ended(String sessionId) {}

    /**
     * Records a request of a bound session, at most once per refresh interval.
     *
     * @param session the session
     * @param user the user it is bound to
     */
    default void touched(HttpSession session, String user) {}

    /**
     * Tells whether another server revoked a session, as of at most one refresh interval ago.
     *
     * @param sessionId the session's id
     * @return {@code true} when it was revoked
     */
    default boolean revoked(String sessionId) {
        return false;
    }

    /**
     * Lists a user's sessions on every server.
     *
     * @param user the user
     * @return the sessions, in no particular order
     */
    default List<UserSession> of(String user) {
        return List.of();
    }

    /**
     * Marks every session of a user revoked, for the servers that hold them.
     *
     * @param user the user
     * @return how many were marked
     */
    default int revoke(String user) {
        return 0;
    }

    /**
     * Marks one session of a user revoked, for the server that holds it.
     *
     * @param user the user
     * @param logId the session's log id
     * @return whether it was marked
     */
    default boolean revoke(String user, String logId) {
        return false;
    }
}
