package dev.voltage.session.it.logging;

import dev.voltage.session.SessionCreated;
import dev.voltage.session.SessionDestroyed;
import dev.voltage.session.SessionIdChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An application's observer of the library's session events, keeping them in order. */
@ApplicationScoped
public class EventLog {

    private final List<String> events = new CopyOnWriteArrayList<>();

    void created(@Observes SessionCreated event) {
        events.add("created:" + event.logId());
    }

    void idChanged(@Observes SessionIdChanged event) {
        events.add("changed:" + event.oldLogId() + ">" + event.newLogId());
    }

    void destroyed(@Observes SessionDestroyed event) {
        events.add("destroyed:" + event.logId() + ":" + event.reason());
    }

    /** The events that name a log id, in the order they fired. */
    public List<String> about(String logId) {
        return events.stream().filter(e -> e.contains(logId)).toList();
    }
}
