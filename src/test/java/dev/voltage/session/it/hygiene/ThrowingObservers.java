package dev.voltage.session.it.hygiene;

import dev.voltage.session.SessionCreated;
import dev.voltage.session.SessionDestroyed;
import dev.voltage.session.SessionIdChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** An application's observers of the session events that all throw. */
@ApplicationScoped
public class ThrowingObservers {

    /** What every observer throws. */
    public static final String FAILURE = "observer failing on purpose";

    void created(@Observes SessionCreated event) {
        throw new IllegalStateException(FAILURE);
    }

    void idChanged(@Observes SessionIdChanged event) {
        throw new IllegalStateException(FAILURE);
    }

    void destroyed(@Observes SessionDestroyed event) {
        throw new IllegalStateException(FAILURE);
    }
}
