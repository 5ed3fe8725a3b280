package dev.voltage.session.internal.lifetime;

import dev.voltage.session.SessionDestroyed.Reason;
import dev.voltage.session.internal.request.SessionAccess;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Instant;

/**
 * Applies the session's lifetime to every request, before any filter or servlet of the
 * application runs: a session past its absolute timeout ends and the request reads as having
 * none (and {@link EndedSessionCookieFilter} clears its cookie), and so does a session that the
 * library ended and its container kept (see {@link SessionEnds#endSurvivor}). At the end of each
 * request, and at a session's creation, the container's inactivity timeout is kept within the
 * lifetime left.
 */
public class LifetimeListener implements ServletRequestListener, HttpSessionListener {

    @Inject
    SessionLifetime lifetime;

    @Inject
    SessionEnds ends;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        lifetime.begin(event.getSession());
    }

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (!(event.getServletRequest() instanceof HttpServletRequest request)) {
            return;
        }
        HttpSession session = validSession(request);
        if (session == null || ends.endSurvivor(session)) {
            return;
        }
        if (lifetime.outlived(session, Instant.now())) {
            ends.end(session, Reason.ABSOLUTE_TIMEOUT);
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request) {
            HttpSession session = validSession(request);
            if (session != null) {
                try {
                    lifetime.keepIdleWithinLifetime(session);
                } catch (IllegalStateException invalidatedMeanwhile) {
                    // nothing left to keep
                }
            }
        }
    }

    private static HttpSession validSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && SessionAccess.isValid(session) ? session : null;
    }
}
