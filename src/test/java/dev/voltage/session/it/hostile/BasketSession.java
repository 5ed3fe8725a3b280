package dev.voltage.session.it.hostile;

import dev.voltage.session.ScopedSession;
import jakarta.enterprise.context.ApplicationScoped;

/** The scope whose attribute the tests fill with hostile content. */
@ApplicationScoped
public class BasketSession extends ScopedSession<Basket> {

    public BasketSession() {
        super("basket", Basket.DEFAULTS);
    }

    /**
     * Replaces the state.
     *
     * @param next the new state
     */
    public void store(Basket next) {
        data(next);
    }
}
