package dev.voltage.session.it.scopes.broken;

import dev.voltage.session.ScopedSession;
import dev.voltage.session.it.scopes.CheckoutState;
import jakarta.enterprise.context.ApplicationScoped;

/** Takes the name {@code CheckoutSession} already has: the deployment must fail. */
@ApplicationScoped
public class DuplicateCheckoutSession extends ScopedSession<CheckoutState> {

    public DuplicateCheckoutSession() {
        super("checkout", new CheckoutState(null, null));
    }
}
