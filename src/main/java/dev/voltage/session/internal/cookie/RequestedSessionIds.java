package dev.voltage.session.internal.cookie;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Tells how the session id a client sent relates to a session: whether a cookie value names it,
 * whether the container took it from the URL, whether the container adopted an id the client made
 * up. Some containers append a route to the id in the cookie ({@code id.node1}) or frame it
 * ({@code 0000id:clone}), so a value names a session when it holds the session's id.
 */
public final class RequestedSessionIds {

    /** Shorter ids are no container's; a value this short names no session by containment. */
    private static final int SHORTEST_ID = 8;

    private RequestedSessionIds() {}

    /**
     * Tells whether a value a client sent names a session id.
     *
     * @param value a cookie value or requested session id, may be {@code null}
     * @param sessionId the session's id, may be {@code null}
     * @return {@code true} when the value is the id, with or without a route the container adds
     */
    public static boolean names(String value, String sessionId) {
        if (value == null || sessionId == null || sessionId.isEmpty()) {
            return false;
        }
        return value.equals(sessionId) || sessionId.length() >= SHORTEST_ID && value.contains(sessionId);
    }

    /**
     * Tells whether the container joined the request to a session through an id in its URL
     * ({@code ;jsessionid=}), which the library never follows: whoever sent the link chose the
     * session.
     *
     * @param request the request
     * @param session the session the container gives it
     * @return {@code true} when the session is the one the URL named
     */
    public static boolean joinedByUrl(HttpServletRequest request, HttpSession session) {
        return request.isRequestedSessionIdFromURL() && names(request.getRequestedSessionId(), idOf(session));
    }

    /**
     * Tells whether the container gave a session it just created the id the client asked for, an
     * id no live session had (Payara and GlassFish do with {@code reuseSessionID}): the client
     * chose it.
     *
     * @param requestedId the id the request asked for, read before the session was created
     * @param created the new session
     * @return {@code true} when the new session carries the requested id
     */
    public static boolean adopted(String requestedId, HttpSession created) {
        return names(requestedId, idOf(created));
    }

    private static String idOf(HttpSession session) {
        try {
            return session.getId();
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
