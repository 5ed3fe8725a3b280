package dev.voltage.session.it.config;

import dev.voltage.session.SessionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** An application that builds its configuration in code, as it would from a vault bean. */
@ApplicationScoped
public class ProducedConfiguration {

    @Produces
    SessionConfiguration sessionConfiguration() {
        return SessionConfiguration.builder()
                .cookieName("PRODUCED")
                .secure(false)
                .build();
    }
}
