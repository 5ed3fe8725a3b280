package dev.voltage.session.internal.users;

import dev.voltage.session.Session;
import dev.voltage.session.internal.ApplicationSingleton;
import dev.voltage.session.internal.request.SessionAccess;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Binds a session to a user: the user is kept in the session (so it follows the session through a
 * restart or a fail-over) and the session is listed in the index.
 */
@ApplicationSingleton
public class UserBindings {

    /** The session attribute that holds the user the session is bound to. */
    public static final String USER_ATTRIBUTE = Session.RESERVED_PREFIX + "user";

    private final LocalSessions local;
    private final UserIndexStore store;

    /**
     * @param local the sessions this server holds
     * @param store where the index is shared with other servers, if it is
     */
    @Inject
    public UserBindings(LocalSessions local, UserIndexStore store) {
        this.local = local;
        this.store = store;
    }

    /**
     * Binds a session to a user.
     *
     * @param session a session of the current request
     * @param user the checked user
     */
    public void bind(HttpSession session, String user) {
        session.setAttribute(USER_ATTRIBUTE, user);
        list(session, user);
        store.shared().bound(session, user);
    }

    private void list(HttpSession session, String user) {
        local.bind(session, user);
        if (!SessionAccess.isValid(session)) { // it ended meanwhile, and its end may have come before the binding
            local.ended(session.getId());
        }
    }

    /**
     * Lists a session of this server that is bound to a user and not listed yet: one that comes
     * back from a restart or fails over from another server.
     *
     * @param session a valid session
     */
    public void follow(HttpSession session) {
        userOf(session).ifPresent(user -> {
            if (!local.used(session.getId())) {
                list(session, user);
            }
            store.shared().touched(session, user);
        });
    }

    /**
     * Tells whether another server revoked a session through the shared index.
     *
     * @param session a valid session
     * @return {@code true} when it was revoked; never with the {@code memory} index
     */
    public boolean revoked(HttpSession session) {
        return store.shared().revoked(session.getId());
    }

    /**
     * Returns the user a session is bound to.
     *
     * @param session a valid session
     * @return the user, or empty when it is not bound
     */
    public static Optional<String> userOf(HttpSession session) {
        return session.getAttribute(USER_ATTRIBUTE) instanceof String user ? Optional.of(user) : Optional.empty();
    }
}
