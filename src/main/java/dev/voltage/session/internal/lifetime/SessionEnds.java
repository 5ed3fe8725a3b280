package dev.voltage.session.internal.lifetime;

import dev.voltage.session.SessionDestroyed.Reason;
import dev.voltage.session.internal.ApplicationSingleton;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Ends sessions for a reason the container cannot see (absolute timeout, revocation), so that the
 * session event names that reason, and remembers the ids it ended, so that a later request still
 * carrying one gets its cookie cleared.
 */
@ApplicationSingleton
public class SessionEnds {

    /** How many ended ids are remembered for clearing cookies; older ones only keep a dead cookie. */
    private static final int REMEMBERED_ENDED_IDS = 10_000;

    private static final long NOT_REPORTED = 0;

    /**
     * What the library knows of a session it ended.
     *
     * @param reason the reason its {@code SessionDestroyed} will carry, until reported; {@code null} after
     * @param reportedAt when its end was reported ({@link #NOT_REPORTED} before)
     * @param silenced whether {@link #endSurvivor} is ending it now, so no second event fires
     */
    private record Ending(Reason reason, long reportedAt, boolean silenced) {}

    /**
     * The sessions the library ended, the most recent {@value #REMEMBERED_ENDED_IDS} of them: every
     * request with a session looks here, so it is a concurrent map, bounded in the order ids came.
     * An id that leaves it before its end was reported (after 10,000 later ends) ends with the
     * container's reason.
     */
    private final Map<String, Ending> endings = new ConcurrentHashMap<>();

    private final Queue<String> endedInOrder = new ConcurrentLinkedQueue<>();

    private final SessionLifetime lifetime;

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
            // its id still gets its cookie cleared; there is no end left to give a reason to
            endings.computeIfPresent(id, (key, ending) -> new Ending(null, ending.reportedAt(), ending.silenced()));
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
        if (endings.put(sessionId, new Ending(reason, NOT_REPORTED, false)) == null) {
            remember(sessionId);
        }
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
        Ending ending = endings.get(id);
        if (ending == null || ending.reportedAt() == NOT_REPORTED) {
            return false;
        }
        endings.computeIfPresent(id, (key, known) -> new Ending(known.reason(), known.reportedAt(), true));
        try {
            if (session.getCreationTime() > ending.reportedAt()) {
                return false; // a session created since under the same id
            }
            session.invalidate();
            return true;
        } catch (IllegalStateException endedMeanwhile) {
            return true;
        } finally {
            endings.computeIfPresent(id, (key, known) -> new Ending(known.reason(), known.reportedAt(), false));
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
        Ending ending = endings.get(sessionId);
        return ending != null && ending.silenced();
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
        String id = session.getId();
        Ending ending = endings.get(id);
        if (ending != null && ending.reason() != null) {
            endings.replace(id, ending, new Ending(null, System.currentTimeMillis(), ending.silenced()));
            return ending.reason();
        }
        if (observed == Reason.EXPIRED) {
            try {
                if (lifetime.outlived(session, Instant.now().plusSeconds(1))) {
                    if (endings.put(id, new Ending(null, System.currentTimeMillis(), false)) == null) {
                        remember(id); // its next request clears the cookie
                    }
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
        return sessionId != null && endings.containsKey(sessionId);
    }

    private void remember(String sessionId) {
        endedInOrder.add(sessionId);
        while (endings.size() > REMEMBERED_ENDED_IDS) {
            String oldest = endedInOrder.poll();
            if (oldest == null) {
                return;
            }
            endings.remove(oldest);
        }
    }
}
