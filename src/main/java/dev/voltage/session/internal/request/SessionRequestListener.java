package dev.voltage.session.internal.request;

import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.SessionDestroyed.Reason;
import dev.voltage.session.internal.config.ActiveConfiguration;
import dev.voltage.session.internal.lifetime.SessionEnds;
import dev.voltage.session.internal.lifetime.SessionLifetime;
import dev.voltage.session.internal.logging.SessionMdc;
import dev.voltage.session.internal.users.UserBindings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;

/**
 * The library's one request listener, registered by
 * {@link dev.voltage.session.internal.WebRegistration}: it tells the library which request the
 * thread serves ({@link RequestThread}) while the container serves it, puts the session's log id
 * into the MDC for the request's duration, and, before any filter or servlet of the application
 * runs, ends a session past its absolute timeout, revoked by another server, or ended by the
 * library but kept by its container ({@link SessionEnds#endSurvivor}) (the request then reads as
 * having none) and lists a bound session the user index does not know yet. At the end
 * of the request it applies {@code resave} and keeps the container's inactivity timeout within
 * the lifetime left.
 *
 * <p>It runs for every request of the application, so it looks the session up once and creates
 * no request-scoped bean: a request without a session pays for that lookup only.
 */
public class SessionRequestListener implements ServletRequestListener {

    /** Created by the container (or by CDI in tests), which registered it. */
    public SessionRequestListener() {
        RequestThread.listenerRegistered();
    }

    @Inject
    ActiveConfiguration settings;

    @Inject
    SessionMdc mdc;

    @Inject
    SessionLifetime lifetime;

    @Inject
    SessionEnds ends;

    @Inject
    UserBindings bindings;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request) {
            RequestThread.begin(request);
            try {
                HttpSession session =
                        request.getSession(settings.configuration().saveUninitialized());
                mdc.show(session);
                if (session != null) {
                    admit(session);
                }
            } catch (RuntimeException | Error e) {
                // the container may not call requestDestroyed now: the pooled thread must not keep this request
                RequestThread.end();
                mdc.clear();
                throw e;
            }
        }
    }

    /**
     * Ends a session past its absolute timeout or revoked elsewhere, and lists a bound session the
     * index does not know yet (after a restart, a fail-over).
     */
    private void admit(HttpSession session) {
        if (!SessionAccess.isValid(session)) {
            return;
        }
        try {
            if (ends.endSurvivor(session)) {
                return;
            }
            if (lifetime.outlivedNow(session)) {
                ends.end(session, Reason.ABSOLUTE_TIMEOUT);
            } else if (bindings.revoked(session)) {
                ends.end(session, Reason.REVOKED);
            } else {
                bindings.follow(session);
            }
        } catch (IllegalStateException endedMeanwhile) {
            // another request ended it: nothing is left to check
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        try {
            SessionConfiguration configuration = settings.configuration();
            boolean resave = configuration.resave();
            boolean bounded = configuration.absoluteTimeout() != null;
            if ((resave || bounded) && event.getServletRequest() instanceof HttpServletRequest request) {
                HttpSession session = request.getSession(false);
                if (session != null && SessionAccess.isValid(session)) {
                    finish(session, resave, bounded);
                }
            }
        } finally {
            RequestThread.end();
            mdc.clear(); // pooled threads serve other clients next
        }
    }

    private void finish(HttpSession session, boolean resave, boolean bounded) {
        try {
            if (resave) {
                for (String name : Collections.list(session.getAttributeNames())) {
                    session.setAttribute(name, session.getAttribute(name));
                }
            }
            if (bounded) {
                lifetime.keepIdleWithinLifetime(session);
            }
        } catch (IllegalStateException invalidated) {
            // the request, or another one, ended its session: nothing is left to save
        }
    }
}
