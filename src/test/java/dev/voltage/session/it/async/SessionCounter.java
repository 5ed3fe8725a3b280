package dev.voltage.session.it.async;

import dev.voltage.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The session work of the asynchronous resources' tasks, and what it reports to the tests. */
public final class SessionCounter {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCounter.class);

    private SessionCounter() {}

    /**
     * Logs {@code "<kind> <token>"}, then increments the session's {@code count} with {@code update}.
     *
     * @param session the {@code Session} the task was given
     * @param kind how the task was started, the start of its log line
     * @param token the test's token, the end of its log line
     * @return {@code count;MDC;logId}: the new count, the MDC's {@code sessionId} on this thread and
     *     {@code Session.logId()} here ({@code none} if empty); or, where {@code Session} refused the task,
     *     the exception's class and message
     */
    public static String count(Session session, String kind, String token) {
        LOG.info("{} {}", kind, token);
        try {
            int count = session.update("count", 0, c -> c + 1);
            return count + ";" + MDC.get("sessionId") + ";" + session.logId().orElse("none");
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
