package dev.voltage.session.it.scopes;

import dev.voltage.session.ScopedSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;

/** Counts by key in a {@code Map<String, Integer>} slice. */
@ApplicationScoped
public class CounterSession extends ScopedSession<Map<String, Integer>> {

    public CounterSession() {
        super("counters", Map.of());
    }

    public Map<String, Integer> increment(String key) {
        return update(counts -> {
            Map<String, Integer> next = new TreeMap<>(counts);
            next.merge(key, 1, Integer::sum);
            return next;
        });
    }
}
