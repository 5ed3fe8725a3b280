package dev.voltage.session.internal.config;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;

/**
 * Gives every new session, whoever creates it, the configured inactivity timeout to the second
 * (the container's own setting counts in minutes). Registered by
 * {@link dev.voltage.session.internal.WebRegistration}.
 */
public class SessionTimeoutListener implements HttpSessionListener {

    @Inject
    ActiveConfiguration settings;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        Duration timeout = settings.configuration().timeout();
        if (timeout != null) {
            event.getSession().setMaxInactiveInterval((int) timeout.toSeconds());
        }
    }
}
