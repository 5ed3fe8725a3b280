package dev.voltage.session.it.config.broken;

import dev.voltage.session.SessionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** An application that produces a {@code __Host-} cookie without {@code Secure}, which browsers refuse. */
@ApplicationScoped
public class HostCookieWithoutSecure {

    @Produces
    SessionConfiguration sessionConfiguration() {
        return SessionConfiguration.builder()
                .cookieName("__Host-SID")
                .cookiePath("/")
                .secure(false)
                .build();
    }
}
