package dev.voltage.session.it.registration;

import dev.voltage.session.SessionCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An application's observer of the sessions the library reports created. */
@ApplicationScoped
public class RegistrationEvents {

    private final List<String> events = new CopyOnWriteArrayList<>();

    void created(@Observes SessionCreated event) {
        events.add("created:" + event.logId());
    }

    /** The events that name a log id, in the order they fired. */
    public List<String> about(String logId) {
        return events.stream().filter(e -> e.contains(String.valueOf(logId))).toList();
    }
}
