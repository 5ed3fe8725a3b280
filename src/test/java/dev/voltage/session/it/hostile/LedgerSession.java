package dev.voltage.session.it.hostile;

import dev.voltage.session.ScopedSession;
import jakarta.enterprise.context.ApplicationScoped;

/** A scope used by the warning test alone, so that no other test has used up its warning of the minute. */
@ApplicationScoped
public class LedgerSession extends ScopedSession<Basket> {

    public LedgerSession() {
        super("ledger", Basket.DEFAULTS);
    }
}
