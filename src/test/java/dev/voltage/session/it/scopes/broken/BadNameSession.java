package dev.voltage.session.it.scopes.broken;

import dev.voltage.session.ScopedSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Has a name with a space and a '!': the deployment must fail. */
@ApplicationScoped
public class BadNameSession extends ScopedSession<String> {

    public BadNameSession() {
        super("check out!", "");
    }
}
