package dev.voltage.session.internal;

import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;

/**
 * Hands each HTTP request to the request-scoped {@link CurrentRequest} when the container starts
 * serving it, puts the session's log id into the MDC for the request's duration, and applies
 * {@code save-uninitialized} and {@code resave}; registered by the jar itself through
 * {@code @WebListener}.
 */
@WebListener
public class SessionRequestListener implements ServletRequestListener {

    @Inject
    CurrentRequest currentRequest;

    @Inject
    SessionSettings settings;

    @Inject
    SessionMdc mdc;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request) {
            currentRequest.set(request);
            if (settings.configuration().saveUninitialized()) {
                request.getSession(true);
            }
            mdc.show(currentRequest.existingSession());
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        try {
            if (settings.configuration().resave() && event.getServletRequest() instanceof HttpServletRequest) {
                currentRequest.ifSessionExists(session -> {
                    for (String name : Collections.list(session.getAttributeNames())) {
                        session.setAttribute(name, session.getAttribute(name));
                    }
                    return null;
                }, null);
            }
        } finally {
            mdc.clear(); // pooled threads serve other clients next
        }
    }
}
