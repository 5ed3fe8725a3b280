package dev.voltage.session.internal.lifetime;

import dev.voltage.session.Session;
import dev.voltage.session.internal.ApplicationSingleton;
import dev.voltage.session.internal.config.ActiveConfiguration;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The deadlines of a session: the absolute one ({@code voltage.session.absolute-timeout}, counted
 * from the session's creation) and the inactivity one, and keeping the container's inactivity
 * timeout within the lifetime left, so that a session that gets no more requests ends by its
 * absolute deadline.
 */
@ApplicationSingleton
public class SessionLifetime {

    /**
     * The session attribute that holds the creation instant (epoch milliseconds, a {@code Long}), so
     * the absolute timeout counts from the first creation whatever a container does to its own
     * creation time when the id changes.
     */
    public static final String CREATED_AT_ATTRIBUTE = Session.RESERVED_PREFIX + "created-at";

    private final ActiveConfiguration settings;

    /**
     * @param settings the configuration in force
     */
    @Inject
    public SessionLifetime(ActiveConfiguration settings) {
        this.settings = settings;
    }

    /**
     * Records a new session's creation instant, when an absolute timeout is configured, and keeps
     * its inactivity timeout within its lifetime.
     *
     * @param session a session the container just created
     */
    public void begin(HttpSession session) {
        if (settings.configuration().absoluteTimeout() != null) {
            session.setAttribute(CREATED_AT_ATTRIBUTE, session.getCreationTime());
            keepIdleWithinLifetime(session);
        }
    }

    /**
     * Returns the instant the session's absolute timeout ends it.
     *
     * @param session a valid session
     * @return the deadline, or empty when no absolute timeout is configured
     */
    public Optional<Instant> absoluteDeadline(HttpSession session) {
        Duration absolute = settings.configuration().absoluteTimeout();
        return absolute == null
                ? Optional.empty()
                : Optional.of(createdAt(session).plus(absolute));
    }

    /**
     * Tells whether the session has outlived its absolute timeout at an instant.
     *
     * @param session a valid session
     * @param at the instant
     * @return {@code true} when an absolute timeout is configured and its deadline is not after {@code at}
     */
    public boolean outlived(HttpSession session, Instant at) {
        Duration absolute = settings.configuration().absoluteTimeout();
        return absolute != null && !createdAt(session).plus(absolute).isAfter(at);
    }

    /**
     * Tells whether the session has outlived its absolute timeout now; without one configured it
     * costs a field read, since every request asks.
     *
     * @param session a valid session
     * @return {@code true} when an absolute timeout is configured and its deadline has come
     */
    public boolean outlivedNow(HttpSession session) {
        return settings.configuration().absoluteTimeout() != null && outlived(session, Instant.now());
    }

    /**
     * Lowers the container's inactivity timeout to the lifetime left (rounded up to the second)
     * when it is longer, so that the container ends a session that gets no more requests by its
     * absolute deadline. The lifetime left only shrinks, so a lower timeout is never raised again.
     *
     * @param session a valid session
     */
    public void keepIdleWithinLifetime(HttpSession session) {
        absoluteDeadline(session).ifPresent(deadline -> {
            long leftMillis = deadline.toEpochMilli() - System.currentTimeMillis();
            int leftSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (leftMillis + 999) / 1000));
            int idle = session.getMaxInactiveInterval();
            if (idle <= 0 || idle > leftSeconds) {
                session.setMaxInactiveInterval(leftSeconds);
            }
        });
    }

    /**
     * Returns when the session ends if its client sends no other request from now on.
     *
     * @param session a valid session
     * @return the earlier of the inactivity and absolute deadlines, or empty when it has neither
     */
    public Optional<Instant> expiresAt(HttpSession session) {
        int idle = session.getMaxInactiveInterval();
        Optional<Instant> idleDeadline = idle > 0 ? Optional.of(Instant.now().plusSeconds(idle)) : Optional.empty();
        Optional<Instant> absolute = absoluteDeadline(session);
        if (idleDeadline.isEmpty()) {
            return absolute;
        }
        return absolute.filter(deadline -> deadline.isBefore(idleDeadline.get()))
                .or(() -> idleDeadline);
    }

    /**
     * Returns when the session was first created.
     *
     * @param session a valid session
     * @return the recorded creation instant, or the container's creation time
     */
    public Instant createdAt(HttpSession session) {
        Object recorded = session.getAttribute(CREATED_AT_ATTRIBUTE);
        return Instant.ofEpochMilli(recorded instanceof Long millis ? millis : session.getCreationTime());
    }
}
