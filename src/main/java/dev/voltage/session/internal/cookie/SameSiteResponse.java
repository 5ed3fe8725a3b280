package dev.voltage.session.internal.cookie;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes sure the session cookie's {@code Set-Cookie} header carries the configured
 * {@code SameSite}, before the response is committed. Containers that write the session cookie
 * as a header but ignore {@code SessionCookieConfig.setAttribute("SameSite", ...)} (Payara and
 * GlassFish 7) get it added; containers that honour it (WildFly) are left alone.
 *
 * <p>It also keeps the session cookie when code downstream replaces the {@code Set-Cookie} headers:
 * Payara and GlassFish write the session cookie as a header the moment the session is created, and
 * Jersey writes a JAX-RS response's own cookies ({@code NewCookie}) with {@code setHeader} when the
 * servlet response already holds that header, which would drop the session's.
 */
final class SameSiteResponse extends HttpServletResponseWrapper {

    private static final String SET_COOKIE = "Set-Cookie";

    private final HttpServletRequest request;

    SameSiteResponse(HttpServletRequest request, HttpServletResponse response) {
        super(response);
        this.request = request;
    }

    /** Adds {@code SameSite} to the session cookie's header when the container left it out. */
    void complete() {
        if (!containsHeader(SET_COOKIE) || isCommitted()) {
            return;
        }
        String sameSite = request.getServletContext().getSessionCookieConfig().getAttribute("SameSite");
        if (sameSite == null) {
            return;
        }
        String prefix = sessionCookiePrefix();
        List<String> headers = new ArrayList<>(getHeaders(SET_COOKIE));
        boolean changed = false;
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            if (header.startsWith(prefix) && !header.toLowerCase(Locale.ROOT).contains("samesite=")) {
                headers.set(i, header + "; SameSite=" + sameSite);
                changed = true;
            }
        }
        if (changed) {
            super.setHeader(SET_COOKIE, headers.get(0));
            headers.subList(1, headers.size()).forEach(header -> super.addHeader(SET_COOKIE, header));
        }
    }

    /**
     * Sets a header; a {@code Set-Cookie} that is not the session cookie replaces the others but
     * keeps the session cookie's.
     */
    @Override
    public void setHeader(String name, String value) {
        if (!SET_COOKIE.equalsIgnoreCase(name) || isCommitted()) {
            super.setHeader(name, value);
            return;
        }
        String prefix = sessionCookiePrefix();
        List<String> sessionCookies = getHeaders(SET_COOKIE).stream()
                .filter(header -> header != null && header.startsWith(prefix))
                .toList();
        super.setHeader(name, value);
        if (value != null && !value.startsWith(prefix)) {
            sessionCookies.forEach(header -> super.addHeader(SET_COOKIE, header));
        }
    }

    private String sessionCookiePrefix() {
        return SessionCookies.nameOf(request.getServletContext().getSessionCookieConfig()) + "=";
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        complete();
        return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        complete();
        return super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
        complete();
        super.flushBuffer();
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        complete();
        super.sendRedirect(location);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        complete();
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        complete();
        super.sendError(status);
    }
}
