package dev.voltage.session.internal.logging;

import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.internal.ApplicationSingleton;
import dev.voltage.session.internal.config.ActiveConfiguration;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import org.slf4j.MDC;

/**
 * Keeps the session's log id in the SLF4J MDC of the thread serving the request, under the
 * configured key, and out of it when the request has no session.
 */
@ApplicationSingleton
public class SessionMdc {

    private final ActiveConfiguration settings;
    private final LogIds logIds;

    /**
     * @param settings the configuration in force
     * @param logIds turns ids into log ids
     */
    @Inject
    public SessionMdc(ActiveConfiguration settings, LogIds logIds) {
        this.settings = settings;
        this.logIds = logIds;
    }

    /**
     * Shows a session's log id in the MDC, or removes the key when there is no session.
     *
     * @param session the request's session, or {@code null}
     */
    public void show(HttpSession session) {
        if (session == null) {
            clear();
        } else {
            showId(session.getId());
        }
    }

    /**
     * Shows the log id of a session id in the MDC.
     *
     * @param sessionId the raw id
     */
    public void showId(String sessionId) {
        SessionConfiguration configuration = settings.configuration();
        if (!SessionConfiguration.LOG_ID_NONE.equals(configuration.logId())) {
            MDC.put(configuration.logMdcKey(), logIds.of(sessionId));
        }
    }

    /**
     * Removes the key when it shows the given session, which ended: another thread's session
     * (an expiry on a timer thread) leaves it alone.
     *
     * @param sessionId the raw id of the session that ended
     */
    public void hideId(String sessionId) {
        String key = settings.configuration().logMdcKey();
        String shown = MDC.get(key);
        if (shown != null && shown.equals(logIds.of(sessionId))) {
            MDC.remove(key);
        }
    }

    /** Removes the key. */
    public void clear() {
        MDC.remove(settings.configuration().logMdcKey());
    }
}
