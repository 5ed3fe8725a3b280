package dev.voltage.session.internal.logging;

import dev.voltage.session.SessionCreated;
import dev.voltage.session.SessionDestroyed;
import dev.voltage.session.SessionIdChanged;
import dev.voltage.session.internal.lifetime.SessionEnds;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Follows every session the container creates, re-identifies or ends, whatever code caused it:
 * keeps the MDC of the request thread current and fires the library's CDI events, each once.
 */
@WebListener
public class SessionEventsListener implements HttpSessionListener, HttpSessionIdListener {

    /** How many recent id changes are remembered to report a change the container repeats only once. */
    private static final int REMEMBERED_ID_CHANGES = 1024;

    private final Map<String, String> reportedIdChanges = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
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
        created.fire(new SessionCreated(logIds.of(id)));
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        String newId = event.getSession().getId();
        if (newId.equals(reportedIdChanges.put(oldSessionId, newId))) {
            return;
        }
        mdc.showId(newId);
        idChanged.fire(new SessionIdChanged(logIds.of(oldSessionId), logIds.of(newId)));
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        mdc.hideId(session.getId());
        destroyed.fire(new SessionDestroyed(logIds.of(session.getId()), ends.reasonOf(session, reasonOf(session))));
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
