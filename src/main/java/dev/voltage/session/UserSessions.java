package dev.voltage.session;

import java.util.List;

/**
 * The sessions of a user, bound by {@link Session#login(String)}: lists them and ends them. An
 * {@code @ApplicationScoped} bean, usable in a request (a "your devices" page, a password change)
 * and outside one (an admin task, a scheduled job).
 *
 * <pre>
 * &#64;Path("account/sessions")
 * public class DevicesResource {
 *     &#64;Inject Session session;
 *     &#64;Inject UserSessions sessions;
 *
 *     &#64;GET
 *     public List&lt;UserSession&gt; list() {
 *         return sessions.of(session.user().orElseThrow(NotAuthorizedException::new));
 *     }
 *
 *     &#64;DELETE &#64;Path("{logId}")
 *     public void logOut(&#64;PathParam("logId") String logId) {
 *         sessions.revoke(session.user().orElseThrow(NotAuthorizedException::new), logId);
 *     }
 *
 *     &#64;DELETE
 *     public int logOutEverywhere() {
 *         return sessions.revoke(session.user().orElseThrow(NotAuthorizedException::new));
 *     }
 * }
 * </pre>
 *
 * <p>A revoked session is gone for its client at once on the server that holds it, and on every
 * server sharing the index within {@code voltage.session.users.refresh}: its next request reads
 * as no session and its response clears the cookie; {@link SessionDestroyed} fires once with
 * {@link SessionDestroyed.Reason#REVOKED}. Revoking the session of the current request behaves as
 * {@link Session#delete()} in that request.
 *
 * <p>Where the index lives is {@code voltage.session.users.store}: {@code memory} (this server,
 * the default) or {@code jdbc} (a table shared by the servers of a cluster).
 */
public interface UserSessions {

    /**
     * Lists the live sessions of a user.
     *
     * @param user the user given to {@link Session#login(String)}
     * @return the sessions, most recently used first; empty when there are none
     * @throws IllegalArgumentException if the user is {@code null} or blank
     */
    List<UserSession> of(String user);

    /**
     * Ends every session of a user ("log out everywhere", after a password change, say).
     *
     * @param user the user given to {@link Session#login(String)}
     * @return how many sessions were ended
     * @throws IllegalArgumentException if the user is {@code null} or blank
     */
    int revoke(String user);

    /**
     * Ends one session of a user ("log out that device").
     *
     * @param user the user given to {@link Session#login(String)}
     * @param logId the session's log id, as {@link UserSession#logId()} gives it
     * @return {@code true} when it was a session of that user and it ended; {@code false} when the
     *         user has no such session
     * @throws IllegalArgumentException if the user is {@code null} or blank
     */
    boolean revoke(String user, String logId);
}
