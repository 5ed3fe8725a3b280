package dev.voltage.session.internal.lifetime;

import dev.voltage.session.internal.cookie.SessionCookies;
import dev.voltage.session.internal.request.SessionAccess;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Clears the session cookie of a request whose session the library ended before the request
 * reached the application (absolute timeout, revocation): the client drops a cookie that names
 * no session any more.
 */
public class EndedSessionCookieFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SessionEnds ends;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (ends.ended(request.getRequestedSessionId()) && !hasValidSession(request)) {
            SessionCookies.clear(request, response);
        }
        chain.doFilter(request, response);
    }

    private static boolean hasValidSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && SessionAccess.isValid(session);
    }
}
