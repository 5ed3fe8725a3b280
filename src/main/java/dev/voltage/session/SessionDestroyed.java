package dev.voltage.session;

/**
 * A CDI event: a session ended.
 *
 * @param logId the session's log id
 * @param reason why it ended
 */
public record SessionDestroyed(String logId, Reason reason) {

    /** Why a session ended. */
    public enum Reason {
        /** It was invalidated during a request, by {@link Session#delete()} or other code. */
        DELETED,
        /** The container timed it out after its inactivity timeout. */
        EXPIRED,
        /** It outlived {@code voltage.session.absolute-timeout}, counted from its creation. */
        ABSOLUTE_TIMEOUT,
        /** {@link UserSessions#revoke(String)} or {@link UserSessions#revoke(String, String)} ended it. */
        REVOKED
    }
}
