package dev.voltage.session.it.races;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the requests of a test run that have reached a given point, so the test knows they are in flight. */
@ApplicationScoped
public class Arrivals {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** Records that one more request of the run arrived. */
    public void arrive(String run) {
        counts.computeIfAbsent(run, r -> new AtomicInteger()).incrementAndGet();
    }

    /** How many requests of the run arrived. */
    public int of(String run) {
        AtomicInteger count = counts.get(run);
        return count == null ? 0 : count.get();
    }
}
