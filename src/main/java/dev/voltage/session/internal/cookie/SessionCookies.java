package dev.voltage.session.internal.cookie;

import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Sends the session cookie as the container would send it (same name and attributes): again
 * with a fresh {@code Max-Age}, for {@code rolling} and {@code resetMaxAge()}, or cleared, after
 * {@code delete()}.
 */
public final class SessionCookies {

    private static final String CONTAINER_DEFAULT_NAME = "JSESSIONID";

    private SessionCookies() {}

    /**
     * Adds the session cookie the client sent to the response again, when it still names the
     * request's session; a session created or re-identified in this request gets its cookie from
     * the container instead. Of several cookies of the session's name (a stale one at a longer path,
     * one from a sibling domain), the one sent again is the one the container resolved the session
     * from, never merely the first.
     *
     * @param request the request being served
     * @param response its response
     */
    public static void resend(HttpServletRequest request, HttpServletResponse response) {
        if (!request.isRequestedSessionIdValid() || !request.isRequestedSessionIdFromCookie()) {
            return;
        }
        String requested = request.getRequestedSessionId();
        String sessionId = idOf(request.getSession(false));
        if (!RequestedSessionIds.names(requested, sessionId)) {
            return; // no session, or one re-identified in this request: the container sends its cookie
        }
        SessionCookieConfig config = request.getServletContext().getSessionCookieConfig();
        String name = nameOf(config);
        Optional<String> exact = received(request, name, requested::equals);
        Optional<String> value = exact.isPresent()
                ? exact
                : received(request, name, candidate -> RequestedSessionIds.names(candidate, sessionId));
        value.ifPresent(resolved -> response.addCookie(cookie(request, config, name, resolved, config.getMaxAge())));
    }

    /**
     * Tells the client to drop its session cookie ({@code Max-Age=0}), after the session it names
     * was invalidated; not every container does it by itself.
     *
     * @param request the request being served
     * @param response its response
     */
    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        SessionCookieConfig config = request.getServletContext().getSessionCookieConfig();
        String name = nameOf(config);
        if (received(request, name, value -> true).isPresent()) {
            response.addCookie(cookie(request, config, name, "", 0));
        }
    }

    /**
     * Returns the session cookie's name.
     *
     * @param config the container's session cookie configuration
     * @return its name, or the container's default
     */
    public static String nameOf(SessionCookieConfig config) {
        return config.getName() != null ? config.getName() : CONTAINER_DEFAULT_NAME;
    }

    /** The first value of a cookie of the name that the client sent and that passes the test. */
    private static Optional<String> received(HttpServletRequest request, String name, Predicate<String> wanted) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(c -> c != null && name.equals(c.getName()) && c.getValue() != null)
                        .map(Cookie::getValue)
                        .filter(wanted)
                        .findFirst();
    }

    private static String idOf(HttpSession session) {
        try {
            return session == null ? null : session.getId();
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    private static Cookie cookie(
            HttpServletRequest request, SessionCookieConfig config, String name, String value, int maxAge) {
        Cookie cookie = new Cookie(name, value);
        String contextPath = request.getServletContext().getContextPath();
        cookie.setPath(config.getPath() != null ? config.getPath() : contextPath.isEmpty() ? "/" : contextPath);
        if (config.getDomain() != null) {
            cookie.setDomain(config.getDomain());
        }
        cookie.setMaxAge(maxAge);
        cookie.setHttpOnly(config.isHttpOnly());
        cookie.setSecure(config.isSecure());
        String sameSite = config.getAttribute("SameSite");
        if (sameSite != null) {
            cookie.setAttribute("SameSite", sameSite);
        }
        return cookie;
    }
}
