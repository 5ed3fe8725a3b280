package dev.voltage.session.internal.lifetime;

import dev.voltage.session.SessionDestroyed.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends sessions for a reason the container cannot see (absolute timeout, revocation), so that the
 * session event names that reason, and remembers the ids it ended, so that a later request still
 * carrying one gets its cookie cleared.
 */
@ApplicationScoped
public class SessionEnds {

    /** How many ended ids are remembered for clearing cookies; older ones only keep a dead cookie. */
    private static final int REMEMBERED_ENDED_IDS = 10_000;

    private final Map<String, Reason> pending = new ConcurrentHashMap<>();

    private final Map<String, Boolean> endedIds = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_ENDED_IDS;
        }
    });

    private final SessionLifetime lifetime;

    /** For CDI's client proxy only. */
    protected SessionEnds() {
        this(null);
    }

    /**
     * @param lifetime the session deadlines
     */
    @Inject
    public SessionEnds(SessionLifetime lifetime) {
        this.lifetime = lifetime;
    }

    /**
     * Invalidates a session for a reason, which its {@code SessionDestroyed} event will carry.
     *
     * @param session the session
     * @param reason why it ends
     * @return {@code true} when it ended now; {@code false} when it had already ended
     */
    public boolean end(HttpSession session, Reason reason) {
        String id = session.getId();
        announce(id, reason);
        try {
            session.invalidate();
            return true;
        } catch (IllegalStateException alreadyInvalid) {
            return false;
        } finally {
            pending.remove(id);
        }
    }

    /**
     * Records the reason of an end that other code carries out next ({@code Session.delete()} of
     * the current request, for one).
     *
     * @param sessionId the id of the session about to end
     * @param reason why it ends
     */
    public void announce(String sessionId, Reason reason) {
        pending.put(sessionId, reason);
        endedIds.put(sessionId, Boolean.TRUE);
    }

    /**
     * Tells why a session that the container is ending ends.
     *
     * @param session the session, still readable
     * @param observed the reason the container's view gives: {@code EXPIRED} or {@code DELETED}
     * @return the announced reason; else {@code ABSOLUTE_TIMEOUT} for a session the container
     *         timed out at (or within a second of) its absolute deadline; else {@code observed}
     */
    public Reason reasonOf(HttpSession session, Reason observed) {
        Reason announced = pending.remove(session.getId());
        if (announced != null) {
            return announced;
        }
        if (observed == Reason.EXPIRED) {
            try {
                if (lifetime.outlived(session, Instant.now().plusSeconds(1))) {
                    endedIds.put(session.getId(), Boolean.TRUE); // its client's next request clears the cookie
                    return Reason.ABSOLUTE_TIMEOUT;
                }
            } catch (IllegalStateException alreadyInvalid) {
                return observed;
            }
        }
        return observed;
    }

    /**
     * Tells whether the library ended the session of this id, so that a request carrying it gets
     * its cookie cleared.
     *
     * @param sessionId an id a client sent, or {@code null}
     * @return {@code true} for an id the library ended recently
     */
    public boolean ended(String sessionId) {
        return sessionId != null && endedIds.containsKey(sessionId);
    }
}
