package dev.voltage.session.internal.slice;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Lets a warning about one scope through at most once a minute, so that a broken slice read on
 * every request of a session does not flood the log.
 */
final class SliceWarnings {

    private static final long INTERVAL = TimeUnit.MINUTES.toNanos(1);

    private final ConcurrentMap<String, Long> lastWarned = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    /**
     * Creates the limiter.
     *
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     */
    SliceWarnings(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Whether a warning about a scope may be written now; if so, the next one waits a minute.
     *
     * @param scope the scope's name
     * @return {@code true} for the first warning of the scope in a minute
     */
    boolean allow(String scope) {
        long now = nanoTime.getAsLong();
        boolean[] allowed = {false};
        lastWarned.compute(scope, (name, last) -> {
            if (last == null || now - last >= INTERVAL) {
                allowed[0] = true;
                return now;
            }
            return last;
        });
        return allowed[0];
    }
}
