package dev.voltage.session.internal.logging;

import dev.voltage.session.SessionCreated;
import dev.voltage.session.SessionDestroyed;
import dev.voltage.session.SessionIdChanged;
import dev.voltage.session.internal.lifetime.SessionEnds;
import dev.voltage.session.internal.request.SessionLocks;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every session the container creates, re-identifies or ends, whatever code caused it:
 * keeps the MDC of the request thread current and fires the library's CDI events, each once.
 * Registered by {@link dev.voltage.session.internal.WebRegistration}.
 *
 * <p>An observer that throws is logged with the session's log id and does not reach the
 * container: the request that created the session goes on, and an expiry on the container's timer
 * thread completes.
 */
public class SessionEventsListener implements HttpSessionListener, HttpSessionIdListener {

    private static final Logger LOG = LoggerFactory.getLogger(SessionEventsListener.class);

    /** How many recent id changes are remembered to report a change the container repeats only once. */
    private static final int REMEMBERED_ID_CHANGES = 1024;

    private final Map<String, String> reportedIdChanges =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED_ID_CHANGES;
                }
            });

    @Inject
    SessionMdc mdc;

    @Inject
    LogIds logIds;

    @Inject
    SessionLocks locks;

    @Inject
    Event<SessionCreated> created;

    @Inject
    Event<SessionIdChanged> idChanged;

    @Inject
    Event<SessionDestroyed> destroyed;

    @Inject
    SessionEnds ends;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        String id = event.getSession().getId();
        mdc.showId(id);
        String logId = logIds.of(id);
        notify(created, new SessionCreated(logId), logId);
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        String newId = event.getSession().getId();
        locks.moved(oldSessionId, newId); // whatever code changed it, the session keeps its lock
        if (newId.equals(reportedIdChanges.put(oldSessionId, newId))) {
            return;
        }
        mdc.showId(newId);
        String newLogId = logIds.of(newId);
        notify(idChanged, new SessionIdChanged(logIds.of(oldSessionId), newLogId), newLogId);
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        mdc.hideId(session.getId());
        if (ends.isSilenced(session.getId())) {
            return;
        }
        String logId = logIds.of(session.getId());
        notify(destroyed, new SessionDestroyed(logId, ends.reasonOf(session, reasonOf(session))), logId);
    }

    /** Fires an event; what an observer throws is the application's fault, never the container's business. */
    private static <E> void notify(Event<E> observers, E event, String logId) {
        try {
            observers.fire(event);
        } catch (RuntimeException e) {
            LOG.error(
                    "An observer of {} for the session with log id {} threw; the session goes on.",
                    event.getClass().getSimpleName(),
                    logId,
                    e);
        }
    }

    /**
     * A session ends either because its inactivity timeout ran out, or because code invalidated
     * it; the container tells listeners before it invalidates, so the session's times still read.
     */
    private static SessionDestroyed.Reason reasonOf(HttpSession session) {
        try {
            long timeoutMillis = session.getMaxInactiveInterval() * 1000L;
            long idleMillis = System.currentTimeMillis() - session.getLastAccessedTime();
            boolean timedOut = timeoutMillis > 0 && idleMillis + 1000 >= timeoutMillis;
            return timedOut ? SessionDestroyed.Reason.EXPIRED : SessionDestroyed.Reason.DELETED;
        } catch (IllegalStateException alreadyInvalid) {
            return SessionDestroyed.Reason.DELETED;
        }
    }
}
