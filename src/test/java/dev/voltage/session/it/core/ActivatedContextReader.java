package dev.voltage.session.it.core;

import dev.voltage.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/** Uses {@link Session} inside a request context that CDI activated without any HTTP request, as a timer might. */
@ApplicationScoped
public class ActivatedContextReader {

    @Inject
    Session session;

    @ActivateRequestContext
    public void readCart() {
        session.get("cart");
    }
}
