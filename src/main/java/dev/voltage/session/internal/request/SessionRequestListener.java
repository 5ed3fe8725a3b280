package dev.voltage.session.internal.request;

import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.internal.config.ActiveConfiguration;
import dev.voltage.session.internal.logging.SessionMdc;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;

/**
 * Tells the library which request the thread serves ({@link RequestThread}) while the container
 * serves it, puts the session's log id into the MDC for the request's duration, and applies
 * {@code save-uninitialized} and {@code resave}; registered by
 * {@link dev.voltage.session.internal.WebRegistration}.
 *
 * <p>It runs for every request of the application, so it creates no request-scoped bean: a
 * request that never uses {@code Session} pays for a session lookup and the MDC only.
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

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request) {
            RequestThread.begin(request);
            try {
                mdc.show(request.getSession(settings.configuration().saveUninitialized()));
            } catch (RuntimeException | Error e) {
                // the container may not call requestDestroyed now: the pooled thread must not keep this request
                RequestThread.end();
                mdc.clear();
                throw e;
            }
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        try {
            SessionConfiguration configuration = settings.configuration();
            if (configuration.resave() && event.getServletRequest() instanceof HttpServletRequest request) {
                resave(request.getSession(false));
            }
        } finally {
            RequestThread.end();
            mdc.clear(); // pooled threads serve other clients next
        }
    }

    private static void resave(HttpSession session) {
        if (session == null) {
            return;
        }
        try {
            for (String name : Collections.list(session.getAttributeNames())) {
                session.setAttribute(name, session.getAttribute(name));
            }
        } catch (IllegalStateException invalidated) {
            // the request ended its session: nothing is left to save
        }
    }
}
