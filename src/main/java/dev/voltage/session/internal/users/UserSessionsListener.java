package dev.voltage.session.internal.users;

import dev.voltage.session.SessionDestroyed.Reason;
import dev.voltage.session.internal.lifetime.SessionEnds;
import dev.voltage.session.internal.request.SessionAccess;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Keeps the index to the live sessions: a session leaves it by whatever path it ends (delete,
 * expiry, absolute timeout, revocation, code of the application), follows its id changes, and a
 * bound session this server serves without having listed it (after a restart, a fail-over) joins
 * it. With a shared index, a session that another server revoked ends at its next request here.
 */
public class UserSessionsListener implements HttpSessionListener, HttpSessionIdListener, ServletRequestListener {

    @Inject
    LocalSessions local;

    @Inject
    UserBindings bindings;

    @Inject
    UserIndexStore store;

    @Inject
    SessionEnds ends;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        local.ended(event.getSession().getId());
        store.shared().ended(event.getSession().getId());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        local.renamed(oldSessionId, event.getSession());
        store.shared().renamed(oldSessionId, event.getSession().getId());
    }

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            if (session != null && SessionAccess.isValid(session)) {
                try {
                    if (store.shared().revoked(session.getId())) {
                        ends.end(session, Reason.REVOKED);
                        return;
                    }
                    bindings.follow(session);
                } catch (IllegalStateException endedMeanwhile) {
                    // nothing to follow
                }
            }
        }
    }
}
