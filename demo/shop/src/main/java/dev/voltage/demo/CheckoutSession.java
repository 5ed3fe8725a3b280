package dev.voltage.demo;

import dev.voltage.demo.CheckoutState.Step;
import dev.voltage.session.ScopedSession;
import jakarta.enterprise.context.ApplicationScoped;

/** The seed's {@code WithSessionScope} example: the checkout's step, in its own slice of the session. */
@ApplicationScoped
public class CheckoutSession extends ScopedSession<CheckoutState> {

    public CheckoutSession() {
        super("checkout", new CheckoutState(Step.SHIPPING));
    }

    public Step step() {
        return data().step();
    }

    public Step advance() {
        return update(state -> new CheckoutState(state.step().next())).step();
    }
}
