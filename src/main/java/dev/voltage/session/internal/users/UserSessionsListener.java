package dev.voltage.session.internal.users;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Keeps the index to the live sessions: a session leaves it by whatever path it ends (delete,
 * expiry, absolute timeout, revocation, code of the application), follows its id changes, and a
 * bound session this server serves without having listed it (after a restart, a fail-over) joins
 * it, and with a shared index a session that another server revoked ends at its next request
 * here: those two checks run in the library's request listener
 * ({@link dev.voltage.session.internal.request.SessionRequestListener}), which looks the session
 * up once for all of its checks.
 */
public class UserSessionsListener implements HttpSessionListener, HttpSessionIdListener {

    @Inject
    LocalSessions local;

    @Inject
    UserIndexStore store;

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
}
