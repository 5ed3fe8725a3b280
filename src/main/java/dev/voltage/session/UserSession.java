package dev.voltage.session;

import java.time.Instant;

/**
 * One live session of a user, as {@link UserSessions#of(String)} lists it: what a "your active
 * devices" page shows, and the log id that {@link UserSessions#revoke(String, String)} takes to
 * end it. It carries no raw session id.
 *
 * @param user the user the session is bound to by {@link Session#login(String)}
 * @param logId the session's log id, as {@link Session#logId()} returns it in the session's own requests
 * @param createdAt when the session was created
 * @param lastAccessedAt when the client last sent a request of the session (with the {@code jdbc}
 *                       index, at most {@code voltage.session.users.refresh} old)
 */
public record UserSession(String user, String logId, Instant createdAt, Instant lastAccessedAt) {}
