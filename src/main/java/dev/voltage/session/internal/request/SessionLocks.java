package dev.voltage.session.internal.request;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.Lock;

/**
 * Serialises read-modify-write operations of one session on this server.
 *
 * <p>The locks live here, not in the session: nothing unserializable enters the session, no
 * lock outlives the call that took it, and memory does not grow with the number of sessions.
 * Sessions are spread over a fixed set of stripes by their id, so two sessions rarely share one.
 * A lock is reentrant, so an updater may itself call {@code update} on the same session.
 */
@ApplicationScoped
public class SessionLocks {

    private static final int STRIPES = 1024;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    /** Creates the stripes. */
    public SessionLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Returns the lock of one session; hold it only for the duration of one operation.
     *
     * @param sessionId the id of the session
     * @return its lock
     */
    public Lock lockFor(String sessionId) {
        return stripes[Math.floorMod(sessionId.hashCode(), STRIPES)];
    }
}
