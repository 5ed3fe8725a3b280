package dev.voltage.session.it.scopes.broken;

import dev.voltage.session.ScopedSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Gives no state type: the deployment must fail. */
@ApplicationScoped
@SuppressWarnings("rawtypes")
public class RawSession extends ScopedSession {

    @SuppressWarnings("unchecked")
    public RawSession() {
        super("raw", "");
    }
}
