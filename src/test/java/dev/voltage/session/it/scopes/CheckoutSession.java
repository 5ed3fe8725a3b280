package dev.voltage.session.it.scopes;

import dev.voltage.session.ScopedSession;
import jakarta.enterprise.context.ApplicationScoped;

/** The spec's example, written as a user would. */
@ApplicationScoped
public class CheckoutSession extends ScopedSession<CheckoutState> {

    public CheckoutSession() {
        super("checkout", new CheckoutState(Step.SHIPPING, null));
    }

    public Step step() {
        return data().step();
    }

    public void advance(Step step) {
        update(s -> new CheckoutState(step, s.addressId()));
    }

    public void chooseAddress(String addressId) {
        data(new CheckoutState(data().step(), addressId));
    }
}
