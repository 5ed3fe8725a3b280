package dev.voltage.session.internal.lifetime;

import dev.voltage.session.SessionDestroyed.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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

    private static final long NOT_REPORTED = 0;

    private final Set<String> silenced = ConcurrentHashMap.newKeySet();

    /** Ids the library ended, with when their {@code SessionDestroyed} was reported ({@link #NOT_REPORTED} before). */
    private final Map<String, Long> endedIds = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
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
     * @return {@code true} when it ended now, or ends at its next request or by its deadline where
     *         the handle outlived its request; {@code false} when it had already ended
     */
    public boolean end(HttpSession session, Reason reason) {
        String id = session.getId();
        announce(id, reason);
        try {
            session.invalidate();
            // The container reads the reason as it destroys the session; a handle that outlived its request
            // (a distributable session manager's) may not destroy it now, and the reason stays for its end.
            return true;
        } catch (IllegalStateException alreadyInvalid) {
            pending.remove(id);
            return false;
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
        endedIds.put(sessionId, NOT_REPORTED);
    }

    /**
     * Ends, without a second {@code SessionDestroyed}, a session that the library ended and
     * reported ended, but that its container kept: WildFly's distributable session manager tells
     * the listeners and drops the attributes when a handle that outlived its request is
     * invalidated, yet keeps the session under its id. Its next request ends it for good.
     *
     * @param session the session, in a request of its own
     * @return {@code true} when the session was such a survivor and is now ended
     */
    public boolean endSurvivor(HttpSession session) {
        String id = session.getId();
        Long reportedAt = endedIds.get(id);
        if (reportedAt == null || reportedAt == NOT_REPORTED) {
            return false;
        }
        silenced.add(id);
        try {
            if (session.getCreationTime() > reportedAt) {
                return false; // a session created since under the same id
            }
            session.invalidate();
            return true;
        } catch (IllegalStateException endedMeanwhile) {
            return true;
        } finally {
            silenced.remove(id);
        }
    }

    /**
     * Tells whether the container is ending a session whose end was reported already, so that no
     * second event is fired.
     *
     * @param sessionId the id of the session being destroyed
     * @return {@code true} for a survivor that {@link #endSurvivor} is ending
     */
    public boolean isSilenced(String sessionId) {
        return silenced.contains(sessionId);
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
            endedIds.replace(session.getId(), System.currentTimeMillis());
            return announced;
        }
        if (observed == Reason.EXPIRED) {
            try {
                if (lifetime.outlived(session, Instant.now().plusSeconds(1))) {
                    endedIds.put(session.getId(), System.currentTimeMillis()); // its next request clears the cookie
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
