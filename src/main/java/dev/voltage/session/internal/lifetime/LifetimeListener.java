package dev.voltage.session.internal.lifetime;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Keeps a new session's inactivity timeout within its absolute lifetime from its creation on. The
 * lifetime's checks on each request run in the library's request listener
 * ({@link dev.voltage.session.internal.request.SessionRequestListener}), which looks the
 * session up once for all of them.
 */
public class LifetimeListener implements HttpSessionListener {

    @Inject
    SessionLifetime lifetime;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        lifetime.begin(event.getSession());
    }
}
