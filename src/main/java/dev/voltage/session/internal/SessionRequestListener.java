package dev.voltage.session.internal;

import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Hands each HTTP request to the request-scoped {@link CurrentRequest} when the container starts
 * serving it; registered by the jar itself through {@code @WebListener}.
 */
@WebListener
public class SessionRequestListener implements ServletRequestListener {

    @Inject
    CurrentRequest currentRequest;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request) {
            currentRequest.set(request);
        }
    }
}
