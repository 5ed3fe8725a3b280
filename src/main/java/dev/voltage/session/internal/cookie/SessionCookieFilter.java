package dev.voltage.session.internal.cookie;

import dev.voltage.session.internal.config.ActiveConfiguration;
import dev.voltage.session.internal.logging.SessionMdc;
import dev.voltage.session.internal.request.RequestThread;
import dev.voltage.session.internal.request.SessionAccess;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives the library the response of each request, makes sure the session cookie carries its
 * {@code SameSite} on every container, and with {@code rolling} sends the session cookie again
 * before the application writes anything, so early-committed responses carry it too. Registered
 * by {@link dev.voltage.session.internal.WebRegistration} ahead of the application's filters.
 *
 * <p>When the request goes asynchronous, the thread that started it lets go of it here: another
 * thread ends it, and this one, back in the container's pool, serves other clients next.
 */
public class SessionCookieFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ActiveConfiguration settings;

    @Inject
    transient SessionMdc mdc;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SameSiteResponse completed = new SameSiteResponse(request, response);
        SessionAccess.recordResponse(request, completed);
        if (settings.configuration().rolling()) {
            SessionCookies.resend(request, completed);
        }
        try {
            chain.doFilter(request, completed);
        } finally {
            try {
                if (request.isAsyncStarted()) {
                    // The container ends an asynchronous request on another thread: this one must not keep it.
                    RequestThread.end();
                    mdc.clear();
                }
            } finally {
                completed.complete(); // an error response carries the session cookie too
            }
        }
    }
}
